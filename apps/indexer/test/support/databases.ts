/**
 * Where the indexer's integration tests put their database: a fresh database on the real
 * PostgreSQL server, and a fresh PGlite data directory (test tooling).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPostgresDatabase } from "@verity/testing";

/** A fresh, empty database: how to reach it (`verity index` options) and how to drop it. */
export interface FreshDatabase {
  driver: "postgres" | "pglite";
  options: { databaseUrl?: string; dataDir?: string };
  drop(): Promise<void>;
}

/** Both drivers, for `describe.each`. */
export const freshDatabases: {
  driver: FreshDatabase["driver"];
  create(): Promise<FreshDatabase>;
}[] = [
  {
    driver: "postgres",
    async create() {
      const { url, drop } = await createPostgresDatabase();
      return { driver: "postgres", options: { databaseUrl: url }, drop };
    },
  },
  {
    driver: "pglite",
    async create() {
      const dir = mkdtempSync(join(tmpdir(), "verity-pglite-"));
      return {
        driver: "pglite",
        options: { dataDir: dir },
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

/**
 * The two drivers every test runs on: a fresh database on the real PostgreSQL server (created
 * per test file, dropped after) and in-memory PGlite.
 *
 * The server is `VERITY_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`,
 * a role allowed to create databases), or the embedded one that the global setup
 * `postgres-server.ts` started for the run when nothing answered there. When no server can be
 * had the PostgreSQL cases fail: they are never skipped.
 */
import { randomBytes } from "node:crypto";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import {
  type Database,
  type Db,
  type Driver,
  IN_MEMORY,
  type OpenOptions,
  openDatabase,
} from "../../src/index.ts";
import * as schema from "../../src/schema/index.ts";
import { testPostgresUrl } from "./postgres-server.ts";

/** The server the PostgreSQL cases create their databases on. */
export const ADMIN_URL = testPostgresUrl();

/** The URL of database `name` on the test server (`ADMIN_URL` with that database). */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a fresh database `verity_test_<random>` on the server; returns its URL and a drop. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `verity_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { onnotice: () => {}, max: 1 });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(name),
    async drop() {
      const again = postgres(ADMIN_URL, { onnotice: () => {}, max: 1 });
      try {
        await again.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}

/** A driver to run cases on: how to get a fresh place for a database, and how to drop it. */
export interface TestDriver {
  name: Driver;
  fresh(): Promise<{ options: OpenOptions; drop(): Promise<void> }>;
}

/** PostgreSQL (fresh database) and PGlite (in memory), for `describe.each`. */
export const drivers: TestDriver[] = [
  {
    name: "postgres",
    async fresh() {
      const { url, drop } = await createPostgresDatabase();
      return { options: { url }, drop };
    },
  },
  {
    name: "pglite",
    fresh: async () => ({ options: { dataDir: IN_MEMORY }, drop: async () => {} }),
  },
];

/**
 * Opens a fresh database on `driver` before the file's cases (dropped after them), and empties
 * every table before each case. Read `.database` inside a case.
 */
export function useDatabase(driver: TestDriver): { readonly database: Database; readonly db: Db } {
  let database: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const place = await driver.fresh();
    drop = place.drop;
    database = await openDatabase(place.options);
    expect(database.driver).toBe(driver.name);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });
  beforeEach(async () => {
    await truncateAll(handle.db);
  });
  const handle = {
    get database() {
      if (database === undefined) throw new Error("the database is not open yet");
      return database;
    },
    get db() {
      return handle.database.db;
    },
  };
  return handle;
}

/** Every table of the schema. */
export const allTables: PgTable[] = Object.values(schema as Record<string, unknown>).filter(
  (value): value is PgTable => is(value, PgTable),
);

/** Empties every table of the schema. */
export async function truncateAll(db: Db): Promise<void> {
  const names = allTables.map((table) => `"${getTableConfig(table).name}"`).join(", ");
  await db.execute(sql.raw(`truncate table ${names}`));
}

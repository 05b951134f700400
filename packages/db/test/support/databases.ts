/**
 * The two drivers every db test runs on: a fresh database on the test PostgreSQL server
 * (`@verity/testing`'s `createPostgresDatabase`, created per test file, dropped after) and
 * in-memory PGlite.
 */

import { createPostgresDatabase } from "@verity/testing";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
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

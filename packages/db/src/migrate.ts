/** Applies the committed drizzle-kit migrations (`../migrations`) with drizzle's migrator. */
import { fileURLToPath } from "node:url";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { Database, Schema } from "./database.ts";

/** The folder of generated SQL migrations and drizzle-kit's journal (`packages/db/migrations`). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * Key of the session-level advisory lock that serializes migrations of one PostgreSQL database
 * across processes (an indexer and an API starting together): ASCII "verity" as a bigint.
 */
export const MIGRATION_LOCK_KEY = 0x766572697479n;

/**
 * Brings `database` up to the latest migration. Idempotent: migrations already applied (listed
 * in `drizzle.__drizzle_migrations`) are skipped, so running it again changes nothing. The
 * pending migrations run in one transaction: on error none of them is applied.
 *
 * On PostgreSQL, concurrent callers queue on an advisory lock (`MIGRATION_LOCK_KEY`) held on a
 * reserved connection, so only one of them applies each migration.
 *
 * @throws the driver's error when a migration fails (the database is left as it was)
 */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.driver === "pglite") {
    await migratePglite(database.db as PgliteDatabase<Schema>, config);
    return;
  }
  const lock = await database.client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    try {
      await migratePostgres(database.db as PostgresJsDatabase<Schema>, config);
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    lock.release();
  }
}

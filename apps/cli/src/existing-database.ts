import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Database, DEFAULT_DATA_DIR, IN_MEMORY, openDatabase } from "@verity/db";
import type { DatabaseOptions } from "./options.ts";

/**
 * Opens the database `--database-url` / `--data-dir` name (as `openDatabase` picks it, applying
 * pending migrations) only if it exists, so that a check creates nothing: a PostgreSQL URL is
 * opened; a PGlite data directory only when it holds a database (its `PG_VERSION` file).
 *
 * @returns the database, or `{ missing }` naming the PGlite directory that holds none
 * @throws Error with one line when PostgreSQL cannot be reached or the URL is not supported
 */
export async function openExistingDatabase(
  options: DatabaseOptions,
): Promise<{ database: Database } | { missing: string }> {
  const url = options.databaseUrl ?? (options.dataDir ? undefined : process.env.DATABASE_URL);
  if (!url) {
    const dir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
    if (options.dataDir !== IN_MEMORY && !existsSync(join(dir, "PG_VERSION")))
      return { missing: dir };
  }
  return { database: await openDatabase({ url, dataDir: url ? undefined : options.dataDir }) };
}

/**
 * `openExistingDatabase` for commands that read what was indexed: the database, or an Error
 * saying there is none to read (naming the PGlite directory) and how to make one.
 */
export async function openIndexedDatabase(options: DatabaseOptions): Promise<Database> {
  const opened = await openExistingDatabase(options);
  if ("missing" in opened)
    throw new Error(`no database at ${opened.missing}: index first (verity index or start)`);
  return opened.database;
}

/** Opens the database: a PostgreSQL server through postgres.js, or PGlite embedded. */
import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { lock } from "proper-lockfile";
import type { Database, Db } from "./database.ts";
import { migrate } from "./migrate.ts";
import { noDelaySocket } from "./no-delay-socket.ts";
import { redactUrl } from "./redact.ts";
import * as schema from "./schema/index.ts";

/** `dataDir` (or URL) for a PGlite database that lives in memory and vanishes on `close()`. */
export const IN_MEMORY = "memory://";

/**
 * PGlite's data directory when neither a URL nor a directory is given: `.verity/pglite` under
 * the working directory (in this repository, git-ignored).
 */
export const DEFAULT_DATA_DIR = ".verity/pglite";

/** Where to find the database. */
export interface OpenOptions {
  /**
   * `postgres://user:password@host:port/database` (or `postgresql://`): a PostgreSQL server,
   * through postgres.js. `memory://` is accepted too, for in-memory PGlite.
   */
  url?: string;
  /** PGlite's data directory (created if missing), or `memory://`. */
  dataDir?: string;
}

/**
 * Opens the database and applies pending migrations (`migrate`), then returns it.
 *
 * Which database, first match wins: `options.url`; `options.dataDir` (PGlite); the
 * `DATABASE_URL` environment variable; PGlite in `DEFAULT_DATA_DIR`. A PGlite data directory
 * belongs to one process at a time: it is locked (`<dataDir>.lock`) until `close()`; a lock left
 * by a killed process goes stale within {@link PGLITE_LOCK_STALE_MS}, and opening waits that
 * long for it.
 *
 * @throws TypeError when both `url` and `dataDir` are given, or the URL's scheme is neither
 *   `postgres(ql)://` nor `memory://`
 * @throws Error naming the URL (without its password) when PostgreSQL cannot be reached or
 *   refuses the connection, or naming the directory when PGlite's data directory cannot be
 *   created or written, or is in use by another process; Error when a migration fails. The cause is the driver's error.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url !== undefined && options.dataDir !== undefined) {
    throw new TypeError("openDatabase: give either url or dataDir, not both");
  }
  const url = options.url ?? (options.dataDir === undefined ? process.env.DATABASE_URL : undefined);
  const database =
    url !== undefined && url !== ""
      ? await openUrl(url)
      : await openPglite(options.dataDir ?? DEFAULT_DATA_DIR);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw new Error(`migrating ${database.location} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return database;
}

function openUrl(url: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url);
  if (url === IN_MEMORY) return openPglite(IN_MEMORY);
  throw new TypeError(
    `unsupported database URL ${redactUrl(url)}: expected postgres://... or postgresql://... (or ${IN_MEMORY} for in-memory PGlite)`,
  );
}

async function openPostgres(url: string): Promise<Database> {
  const location = redactUrl(url);
  const sql = postgres(url, {
    onnotice: () => {},
    connect_timeout: 10,
    // Nagle off, so the write path's COPY statements do not wait on delayed ACKs. (postgres.js
    // documents `socket` in its README, not in its types.)
    ...({ socket: noDelaySocket(10_000) } as object),
    // Prepared statements (`selectRows`) skip parsing each time but are planned for their
    // arguments every time: a generic plan, which PostgreSQL would switch to after five runs,
    // cannot size `= any($1)` lists and makes the lineage edges statement twice as slow.
    connection: { plan_cache_mode: "force_custom_plan" },
  });
  try {
    await sql`select 1`;
  } catch (error) {
    await sql.end({ timeout: 0 });
    throw new Error(`cannot connect to PostgreSQL at ${location}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const db: Db = drizzlePostgres(sql, { schema });
  return {
    driver: "postgres",
    db,
    client: sql,
    location,
    close: once(() => sql.end({ timeout: 5 })),
  };
}

/** The extensions the migrations create, loaded into PGlite (a server ships them in contrib). */
const PGLITE_EXTENSIONS = { pg_trgm };

async function openPglite(dataDir: string): Promise<Database> {
  let pglite: PGlite;
  let location: string;
  let release = async () => {};
  if (dataDir === IN_MEMORY) {
    location = IN_MEMORY;
    pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  } else {
    location = resolve(dataDir);
    try {
      await mkdir(location, { recursive: true });
      await access(location, constants.W_OK);
    } catch (error) {
      throw new Error(
        `PGlite data directory ${location} is not writable: ${(error as Error).message}`,
        { cause: error },
      );
    }
    release = await lockDataDir(location);
    try {
      pglite = await PGlite.create(location, { extensions: PGLITE_EXTENSIONS });
    } catch (error) {
      await release();
      throw new Error(`cannot open PGlite data directory ${location}: ${String(error)}`, {
        cause: error,
      });
    }
  }
  const db: Db = drizzlePglite(pglite, { schema });
  return {
    driver: "pglite",
    db,
    client: pglite,
    location,
    close: once(async () => {
      if (!pglite.closed) await pglite.close();
      await release();
    }),
  };
}

/** How old a PGlite data directory's lock must be to count as left by a dead process, in ms. */
export const PGLITE_LOCK_STALE_MS = 15_000;

/**
 * Takes the lock of a PGlite data directory (`proper-lockfile`: a `<dir>.lock` directory whose
 * mtime the holder refreshes every 2 s), waiting up to about {@link PGLITE_LOCK_STALE_MS} for a
 * stale one to expire. Returns its release. A holder whose event loop stalls for longer than
 * the stale limit can lose the lock; `proper-lockfile` then fails that process loudly.
 *
 * @throws Error naming the directory when another live process holds it
 */
async function lockDataDir(location: string): Promise<() => Promise<void>> {
  try {
    return await lock(location, {
      realpath: false,
      stale: PGLITE_LOCK_STALE_MS,
      update: 2_000,
      retries: { retries: 16, minTimeout: 1_000, maxTimeout: 1_000, factor: 1 },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    throw new Error(
      `PGlite data directory ${location} is in use by another process (PGlite allows one at a time): stop it, or share a PostgreSQL database with --database-url`,
      { cause: error },
    );
  }
}

/** `fn`, run at most once; later calls return the first call's promise. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}

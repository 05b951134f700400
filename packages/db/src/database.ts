/** The types every user of the database shares, whichever driver is underneath. */
import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import type * as schema from "./schema/index.ts";

/** The whole schema module: every table and view, by export name. */
export type Schema = typeof schema;

/**
 * A drizzle database typed with the schema: the common type of the postgres.js and PGlite
 * drizzle instances. Code written against it runs on both.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction of a `Db` (the argument of `db.transaction(async (tx) => ...)`). */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** Which driver a `Database` runs on: a PostgreSQL server, or PGlite embedded in the process. */
export type Driver = "postgres" | "pglite";

/** What every open database has, whichever the driver. */
interface DatabaseCommon {
  /** The drizzle instance, typed with the schema. */
  readonly db: Db;
  /**
   * Where it is, for logs: the PostgreSQL URL without its password, the PGlite data directory,
   * or `memory://`.
   */
  readonly location: string;
  /** Closes the connections (postgres.js) or shuts PGlite down (flushing its data directory). */
  close(): Promise<void>;
}

/**
 * An open, migrated database. `client` is the driver's own client, for what drizzle does not
 * cover (COPY): a postgres.js `Sql` when `driver` is `postgres`, a `PGlite` when `pglite`.
 */
export type Database =
  | (DatabaseCommon & { readonly driver: "postgres"; readonly client: Sql })
  | (DatabaseCommon & { readonly driver: "pglite"; readonly client: PGlite });

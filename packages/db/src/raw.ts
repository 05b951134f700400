/**
 * Helpers for the raw SQL statements of the queries and the write path (not exported by the
 * package): rows from either driver, prepared statements on the hot read path, and lists of ids
 * as one array parameter.
 */
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { arrayLiteral } from "./copy-text.ts";
import type { Db } from "./database.ts";

const dialect = new PgDialect();

/** The rows of a raw query, from either driver (postgres.js: an array; PGlite: `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The rows of `query` run on `db`. On a PostgreSQL server, a named prepared statement that
 * postgres.js parses and analyses once per connection and reuses (drizzle's `execute` would
 * parse it again on every call; the cost saved: README, Measurements). On PGlite, and inside a
 * drizzle transaction (no driver client), `db.execute`. For statements whose text is the same
 * whatever their arguments (lists go in as one array parameter, `textArray`): each distinct text
 * stays prepared on each connection.
 */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const client = (db as { $client?: unknown }).$client;
  if (!isPostgresJs(client)) return rowsOf<T>(await db.execute(query));
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
}

/** Whether `client` is a postgres.js `Sql` (PGlite has no `unsafe`). */
function isPostgresJs(client: unknown): client is Sql {
  return typeof (client as Partial<Sql> | undefined)?.unsafe === "function";
}

/**
 * `ids` (object ids, addresses, Walrus blob ids, edge kinds; null for SQL NULL) as one `text[]`
 * parameter: a PostgreSQL array literal (`arrayLiteral`, quotes and backslashes escaped) cast to
 * `text[]`.
 */
export function textArray(ids: readonly (string | null)[]) {
  return sql`${arrayLiteral(ids)}::text[]`;
}

/**
 * Helpers for the raw SQL statements of the queries and the write path (not exported by the
 * package): rows from either driver, and lists of ids as one array parameter.
 */
import { sql } from "drizzle-orm";
import { arrayLiteral } from "../copy-text.ts";

/** The rows of a raw query, from either driver (postgres.js: an array; PGlite: `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * `ids` (object ids, addresses, Walrus blob ids, edge kinds; null for SQL NULL) as one `text[]`
 * parameter: a PostgreSQL array literal (`arrayLiteral`, quotes and backslashes escaped) cast to
 * `text[]`.
 */
export function textArray(ids: readonly (string | null)[]) {
  return sql`${arrayLiteral(ids)}::text[]`;
}

/**
 * The write path's inserts: rows into an append-only table with ON CONFLICT DO NOTHING. Large
 * sets go in with one bind parameter per column instead of one per value:
 *
 * ```sql
 * insert into t (a, b) select u.a::bigint, u.b::text[]
 *   from unnest($1::text[], $2::text[]) as u(a, b) on conflict do nothing
 * ```
 *
 * Each parameter is a PostgreSQL array literal of the column's values as text (`arrayLiteral`,
 * the encoder COPY uses too), which PostgreSQL turns back into the column's type with the same
 * input functions COPY's text format goes through. An array column's values are array literals
 * themselves, carried as text elements and cast (`unnest` of a `text[][]` would flatten them).
 * A handful of rows still goes through VALUES (`UNNEST_MIN_ROWS`). Why, and how the two compare:
 * README, Writing.
 */
import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { arrayLiteral } from "./copy-text.ts";
import type { Db, Tx } from "./database.ts";
import { driverValue, quoteIdent, tableIdent, usedColumns } from "./row-values.ts";

/**
 * Fewer rows than this go into a table with drizzle's multi-row VALUES; this many or more with
 * `unnest`: the row count from which `unnest` is no slower (README, Measurements).
 */
export const UNNEST_MIN_ROWS = 4;

/** Rows per `unnest` statement, at most: keeps the literals of one statement to a few megabytes. */
export const ROWS_PER_INSERT = 5000;

/** What an insert does with a row whose key is already present: nothing. */
const ON_CONFLICT_DO_NOTHING = sql.raw("on conflict do nothing");

/**
 * Inserts `rows` into `table` inside `tx`, ending each statement with `onConflict` (by default
 * ON CONFLICT DO NOTHING; an upsert passes its own `on conflict (...) do update ...`): in one
 * VALUES statement when there are fewer than `UNNEST_MIN_ROWS`, else in `unnest` statements of
 * at most `ROWS_PER_INSERT` rows, which leave out the columns no row sets (`usedColumns`).
 *
 * @returns how many rows were inserted or updated (rows whose key was already present and that
 *   `onConflict` left alone are not counted)
 * @throws TypeError (from `usedColumns`) when some rows leave out a column with a default that
 *   others set, on the `unnest` path; the driver's error when PostgreSQL rejects a row
 */
export async function insertRows(
  tx: Db | Tx,
  table: PgTable,
  rows: readonly object[],
  onConflict: SQL = ON_CONFLICT_DO_NOTHING,
): Promise<number> {
  if (rows.length === 0) return 0;
  if (rows.length < UNNEST_MIN_ROWS) {
    const values = tx.insert(table).values(rows as PgTable["$inferInsert"][]);
    return affectedRows(await tx.execute(sql`${values.getSQL()} ${onConflict}`));
  }
  const columns = usedColumns(table, rows, "commit");
  const names = columns.map(([, column]) => quoteIdent(column.name));
  const casts = columns.map(([, column], i) => `u.${names[i]}::${column.getSQLType()}`);
  const head = sql.raw(
    `insert into ${tableIdent(table)} (${names.join(", ")}) select ${casts.join(", ")} from unnest(`,
  );
  const tail = sql`${sql.raw(`) as u(${names.join(", ")})`)} ${onConflict}`;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const arrays = columns.map(([key, column]) => {
      const encode = driverValue(column);
      const values = chunk.map((row) => {
        const value = encode((row as Record<string, unknown>)[key]);
        return Array.isArray(value) ? arrayLiteral(value) : value;
      });
      return sql`${arrayLiteral(values)}::text[]`;
    });
    inserted += affectedRows(await tx.execute(sql.join([head, sql.join(arrays, sql`, `), tail])));
  }
  return inserted;
}

/**
 * Rows affected by a statement, from a postgres.js (`count`) or PGlite (`affectedRows`) result.
 * Internal to the write path (not exported by the package).
 *
 * @throws Error when the result carries no count
 */
export function affectedRows(result: unknown): number {
  const r = result as { count?: unknown; affectedRows?: unknown };
  const n = typeof r.count === "number" ? r.count : r.affectedRows;
  if (typeof n !== "number") throw new Error("commit: the driver reported no affected row count");
  return n;
}

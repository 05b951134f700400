/**
 * The write path's fast insert: rows of checkpoints past the pipeline's watermark go in by COPY,
 * which PostgreSQL loads in multi-row heap inserts without parsing array literals, about a third
 * faster than `insertRows`' `unnest` (README, Writing).
 */
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable, PgTransaction } from "drizzle-orm/pg-core";
import { COPY_MIN_ROWS, copiesInTransaction, copyRowsInTransaction } from "./copy.ts";
import type { Db, Tx } from "./database.ts";
import { affectedRows, insertRows } from "./insert.ts";
import { rowsOf, textArray } from "./raw.ts";
import { quoteIdent, tableIdent, usedColumns } from "./row-values.ts";

/** SQLSTATE of a unique violation: a row whose key is already present. */
export const UNIQUE_VIOLATION = "23505";

/**
 * Inserts `rows` into `table` inside `tx` when none of them should be there yet (their
 * checkpoints are past every watermark of the pipelines that write the table): with COPY on the
 * postgres.js driver when there are `COPY_MIN_ROWS` or more, else (and on PGlite) by
 * `insertRows`. COPY has no ON CONFLICT: should a row be there after all (written by hand, or by
 * another process's pipeline meanwhile), the statement fails with a unique violation
 * (`UNIQUE_VIOLATION`) and the caller's transaction with it; `commitBatch` then commits the
 * batch again by `insertRows` (ON CONFLICT DO NOTHING), so the result is the same either way.
 *
 * @returns how many rows were inserted
 * @throws the driver's error when the statement fails (the caller's transaction is then void)
 */
export async function insertNewRows(
  tx: Tx,
  table: PgTable,
  rows: readonly object[],
): Promise<number> {
  if (rows.length < COPY_MIN_ROWS) return insertRows(tx, table, rows);
  return (await copyRowsInTransaction(tx, table, rows)) ?? insertRows(tx, table, rows);
}

/**
 * Inserts `rows` into `table` inside `tx` when another pipeline may have written some of them
 * already (the proof parts, which every pipeline keeps for the checkpoints its events come
 * from): from `COPY_MIN_ROWS` rows, looks up which of their primary keys are present (one
 * indexed statement: each key column `= any(...)`), leaves those rows out, and inserts the rest
 * as `insertNewRows` does; fewer go in by `insertRows`.
 *
 * @returns how many rows were inserted
 * @throws the driver's error when a statement fails (the caller's transaction is then void)
 */
export async function insertSharedRows(
  tx: Tx,
  table: PgTable,
  rows: readonly object[],
): Promise<number> {
  if (rows.length < COPY_MIN_ROWS) return insertRows(tx, table, rows);
  const key = primaryKeyOf(table);
  const names = key.map(([, column]) => quoteIdent(column.name));
  const conditions = key.map(([property, column], i) => {
    const values = new Set(rows.map((row) => String((row as Record<string, unknown>)[property])));
    return sql`${sql.raw(names[i]!)} = any(${textArray([...values])}::${sql.raw(column.getSQLType())}[])`;
  });
  const present = rowsOf<Record<string, unknown>>(
    await tx.execute(
      sql`select ${sql.raw(names.join(", "))} from ${sql.raw(tableIdent(table))} where ${sql.join(conditions, sql` and `)}`,
    ),
  );
  const keyText = (values: unknown[]) => values.map(String).join("\u0000");
  const held = new Set(present.map((row) => keyText(key.map(([, column]) => row[column.name]))));
  const fresh = rows.filter(
    (row) =>
      !held.has(keyText(key.map(([property]) => (row as Record<string, unknown>)[property]))),
  );
  return insertNewRows(tx, table, fresh.length === rows.length ? rows : fresh);
}

/**
 * Upserts `rows` into `table` with `onConflict` (an `on conflict (...) do update` clause naming
 * the target as `table`'s own name): inside a transaction `tx` of the postgres.js driver, from
 * `COPY_MIN_ROWS` rows, COPY'd into a temporary table first (dropped at commit), then moved with one
 * `insert ... select ... order by <first primary key column>` (rows lock in key order, whatever
 * order they came in); else by `insertRows`. The same result either way, without the array
 * literals `insertRows` makes PostgreSQL parse.
 *
 * @returns how many rows were inserted or updated
 * @throws the driver's error when a statement fails (the caller's transaction is then void)
 */
export async function upsertRows(
  tx: Db | Tx,
  table: PgTable,
  rows: readonly object[],
  onConflict: SQL,
): Promise<number> {
  if (rows.length < COPY_MIN_ROWS || !(tx instanceof PgTransaction) || !copiesInTransaction(tx))
    return insertRows(tx, table, rows, onConflict);
  const stage = quoteIdent(`verity_stage_${getTableName(table)}`);
  const target = tableIdent(table);
  const columns = usedColumns(table, rows, "commit")
    .map(([, column]) => quoteIdent(column.name))
    .join(", ");
  const [[, key] = []] = primaryKeyOf(table);
  if (!key) throw new TypeError(`upsertRows: ${target} has no primary key`);
  await tx.execute(
    sql.raw(`create temporary table ${stage} (like ${target} including defaults) on commit drop`),
  );
  await copyRowsInTransaction(tx, table, rows, stage);
  const move = `insert into ${target} (${columns}) select ${columns} from ${stage} order by ${quoteIdent(key.name)} collate "C"`;
  return affectedRows(await tx.execute(sql`${sql.raw(move)} ${onConflict}`));
}

/** `table`'s primary key columns, as (property, column) pairs. */
function primaryKeyOf(table: PgTable): [string, PgColumn][] {
  const columns = Object.entries(getTableColumns(table));
  const [composite] = getTableConfig(table).primaryKeys;
  const names = composite?.columns.map((column) => column.name);
  const inKey = (column: PgColumn) => (names ? names.includes(column.name) : column.primary);
  return columns.filter(([, column]) => inKey(column));
}

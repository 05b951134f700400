/** Reading tables back whole, in an order that does not depend on the driver. */
import type { PgTable } from "drizzle-orm/pg-core";
import {
  appendOnlyTables,
  type Db,
  quarantine,
  type Rows,
  type TableName,
} from "../../src/index.ts";

/** A stable text form of a row (bigints and bytes included), to sort and compare by. */
export const keyOf = (row: unknown) =>
  JSON.stringify(row, (_, v) =>
    typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? [...v] : v,
  );

/** `rows`, sorted by `keyOf`. */
export const sorted = <T>(rows: readonly T[]): T[] =>
  rows
    .map((row) => [keyOf(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);

/**
 * Every row of `table`, sorted, without `xactId` (`xact_id`: the transaction that last wrote
 * the row, a property of the run, not of the row).
 */
export async function readTable<T extends PgTable>(
  db: Db,
  table: T,
): Promise<Omit<T["$inferSelect"], "xactId">[]> {
  const rows: Record<string, unknown>[] = await db.select().from(table as PgTable);
  return sorted(rows.map(({ xactId: _, ...row }) => row)) as Omit<T["$inferSelect"], "xactId">[];
}

/** Every append-only table's rows (sorted), by table name, and the quarantine's. */
export async function readAll(db: Db): Promise<Record<TableName | "quarantine", unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(appendOnlyTables)) {
    out[name] = await readTable(db, table);
  }
  out.quarantine = await readTable(db, quarantine);
  return out as Record<TableName | "quarantine", unknown[]>;
}

/** `rows` as `readAll` would return them once inserted (every table present, sorted). */
export function expectedAll(
  rows: Rows,
  quarantined: unknown[] = [],
): Record<TableName | "quarantine", unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of Object.keys(appendOnlyTables) as TableName[]) {
    out[name] = sorted<unknown>(rows[name] ?? []);
  }
  out.quarantine = sorted(quarantined);
  return out as Record<TableName | "quarantine", unknown[]>;
}

/** Concatenates several `Rows`, table by table. */
export function concatRows(...all: Rows[]): Rows {
  const out: Record<string, unknown[]> = {};
  for (const rows of all) {
    for (const [name, list] of Object.entries(rows)) out[name] = [...(out[name] ?? []), ...list];
  }
  return out as Rows;
}

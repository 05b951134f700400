/**
 * Reading tables back whole, in an order that does not depend on the driver, to compare what
 * two runs wrote (test tooling). Works on any drizzle PostgreSQL database (PGlite, postgres.js).
 */
import type { PgTable } from "drizzle-orm/pg-core";

/** What reads a whole table: a drizzle PostgreSQL database. */
export interface SelectsTables {
  select(): { from(table: PgTable): PromiseLike<Record<string, unknown>[]> };
}

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
  db: SelectsTables,
  table: T,
): Promise<Omit<T["$inferSelect"], "xactId">[]> {
  const rows = await db.select().from(table);
  return sorted(rows.map(({ xactId: _, ...row }) => row)) as Omit<T["$inferSelect"], "xactId">[];
}

/** Every row of each of `tables` (sorted, as `readTable`), by the tables' keys. */
export async function readTables<N extends string>(
  db: SelectsTables,
  tables: Record<N, PgTable>,
): Promise<Record<N, unknown[]>> {
  const out = {} as Record<N, unknown[]>;
  for (const name of Object.keys(tables) as N[]) out[name] = await readTable(db, tables[name]);
  return out;
}

/** `rows` as `readTables` would return them once inserted into `tables` (each present, sorted). */
export function expectedTables<N extends string>(
  tables: Record<N, PgTable>,
  rows: Partial<Record<N, readonly unknown[]>>,
): Record<N, unknown[]> {
  const out = {} as Record<N, unknown[]>;
  for (const name of Object.keys(tables) as N[]) out[name] = sorted<unknown>(rows[name] ?? []);
  return out;
}

/**
 * Rows as the bulk paths send them (`copyRows`' COPY text, the write path's unnest arrays):
 * which columns to send, each value as the driver would get it, and SQL names.
 */
import { getTableColumns, is } from "drizzle-orm";
import { getTableConfig, PgArray, type PgColumn, type PgTable } from "drizzle-orm/pg-core";

/**
 * The columns (property name, column) that at least one of `rows` sets, in table order. A
 * column no row sets is left out, so its default (or NULL) applies.
 *
 * @throws TypeError when some rows leave out a column that has a default and other rows set
 *   it: a bulk statement cannot apply a default to some rows only
 */
export function usedColumns(
  table: PgTable,
  rows: readonly object[],
  caller: string,
): [string, PgColumn][] {
  const all: [string, PgColumn][] = Object.entries(getTableColumns(table));
  const used = all.filter(([key]) =>
    rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  for (const [key, column] of used) {
    if (
      column.hasDefault &&
      rows.some((row) => (row as Record<string, unknown>)[key] === undefined)
    ) {
      throw new TypeError(
        `${caller}: some rows leave out ${column.name}, which has a default a bulk statement cannot apply per row`,
      );
    }
  }
  return used;
}

/**
 * The encoder of `column`'s values for the text encoders (`copy-text.ts`): null for NULL, an
 * array column's values as they are (encoded by `arrayLiteral`, not drizzle's own literal
 * builder), anything else through the column's drizzle mapping, as an insert would send it (a
 * `jsonb` column's value, arrays included, as its JSON text). Made once per column: the bulk
 * paths call it for every value.
 */
export function driverValue(column: PgColumn): (value: unknown) => unknown {
  if (is(column, PgArray)) return (value) => value ?? null;
  return (value) => (value === null || value === undefined ? null : column.mapToDriverValue(value));
}

/** `table`'s name, schema-qualified when it has a schema, with each part quoted. */
export function tableIdent(table: PgTable): string {
  const { schema, name } = getTableConfig(table);
  return [schema, name]
    .filter((part) => part !== undefined)
    .map(quoteIdent)
    .join(".");
}

/** A double-quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

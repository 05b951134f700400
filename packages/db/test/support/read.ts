/** Reading every table the indexer appends to back whole (test tooling, over `@verity/testing`). */
import { expectedTables, readTables } from "@verity/testing";
import { appendOnlyTables, type Db, quarantine, type Rows } from "../../src/index.ts";

export { readTable, sorted } from "@verity/testing";

/** Every append-only table, and the quarantine. */
export const indexedTables = { ...appendOnlyTables, quarantine };

/** Every append-only table's rows (sorted), by table name, and the quarantine's. */
export const readAll = (db: Db) => readTables(db, indexedTables);

/** `rows` as `readAll` would return them once inserted (every table present, sorted). */
export const expectedAll = (rows: Rows, quarantined: unknown[] = []) =>
  expectedTables(indexedTables, { ...rows, quarantine: quarantined });

/** Concatenates several `Rows`, table by table. */
export function concatRows(...all: Rows[]): Rows {
  const out: Record<string, unknown[]> = {};
  for (const rows of all) {
    for (const [name, list] of Object.entries(rows)) out[name] = [...(out[name] ?? []), ...list];
  }
  return out as Rows;
}

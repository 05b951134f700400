/** The tables the indexer writes, read back whole (test tooling, over `@verity/testing`). */
import { appendOnlyTables, type Db, quarantine, type Rows } from "@verity/db";
import { expectedTables, readTables } from "@verity/testing";

const indexedTables = { ...appendOnlyTables, quarantine };

/** Every append-only table's rows (sorted), by table name, and the quarantine's. */
export const readAll = (db: Db) => readTables(db, indexedTables);

/** `rows` as `readAll` would return them once inserted (every table present, sorted). */
export const expectedAll = (rows: Rows) => expectedTables(indexedTables, rows);

/**
 * The write path's fast insert: rows of checkpoints past the pipeline's watermark go in by COPY,
 * which PostgreSQL loads in multi-row heap inserts without parsing array literals, about a third
 * faster than `insertRows`' `unnest` (README, Writing).
 */
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { copyRowsInTransaction } from "./copy.ts";
import type { Tx } from "./database.ts";
import { databaseError } from "./errors.ts";
import { insertRows } from "./insert.ts";

/**
 * Fewer rows than this go in by `insertRows` even when new: a COPY and its savepoint cost three
 * round trips more than one statement.
 */
export const COPY_MIN_ROWS = 200;

/** SQLSTATE of a unique violation: a row whose key is already present. */
const UNIQUE_VIOLATION = "23505";

/**
 * Inserts `rows` into `table` inside `tx` when none of them should be there yet (their
 * checkpoints are past the pipeline's watermark and no other pipeline writes the table): with
 * COPY under a savepoint on the postgres.js driver when there are `COPY_MIN_ROWS` or more. Should
 * a row be there after all (a unique violation: rows written by hand, or another pipeline's), the
 * COPY is rolled back to the savepoint and the rows go in by `insertRows` (ON CONFLICT DO
 * NOTHING), so the result is the same either way. PGlite and small sets take `insertRows`.
 *
 * @returns how many rows were inserted
 * @throws the driver's error for any other failure (the caller's transaction is then void)
 */
export async function insertNewRows(
  tx: Tx,
  table: PgTable,
  rows: readonly object[],
): Promise<number> {
  if (rows.length < COPY_MIN_ROWS) return insertRows(tx, table, rows);
  await tx.execute(sql`savepoint verity_copy`);
  try {
    const copied = await copyRowsInTransaction(tx, table, rows);
    if (copied !== undefined) {
      await tx.execute(sql`release savepoint verity_copy`);
      return copied;
    }
  } catch (error) {
    if (databaseError(error).code !== UNIQUE_VIOLATION) throw error;
  }
  await tx.execute(sql`rollback to savepoint verity_copy`);
  return insertRows(tx, table, rows);
}

/** The proof handle every entity the API serves carries, and the filters all lists share. */
import { type AnyColumn, gte, lt, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { ProofHandle } from "../schema/columns.ts";

/** A `ProofHandle` and the on-chain object the event concerns (0x + 64 hex). */
export interface EntityProof extends ProofHandle {
  objectId: string;
}

/** The nested `proof` selection of a table's proof columns and the object the row is about. */
export function proofOf<
  C extends PgColumn,
  D extends PgColumn,
  E extends PgColumn,
  O extends PgColumn,
>(t: { checkpoint: C; txDigest: D; eventIndex: E }, objectId: O) {
  return {
    checkpoint: t.checkpoint,
    txDigest: t.txDigest,
    eventIndex: t.eventIndex,
    objectId,
  };
}

/** A time range on a list's `timestampMs`: `fromMs` inclusive, `toMs` exclusive, both ms. */
export interface TimeRange {
  fromMs?: number;
  toMs?: number;
}

/** The conditions of `range` on `column`. */
export function inRange(column: AnyColumn, range: TimeRange): (SQL | undefined)[] {
  return [
    range.fromMs === undefined ? undefined : gte(column, range.fromMs),
    range.toMs === undefined ? undefined : lt(column, range.toMs),
  ];
}

/** `column::text`, for a u64 (`numeric`) column: exact decimal digits. */
export const decimal = (column: AnyColumn) => sql<string>`${column}::text`;

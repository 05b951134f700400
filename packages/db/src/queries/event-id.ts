/** The event id every entity the API serves carries, and the filters all lists share. */
import { type AnyColumn, gte, lt, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { EventId } from "../schema/columns.ts";

/** An `EventId` and the on-chain object the event concerns (0x + 64 hex). */
export interface EntityEvent extends EventId {
  objectId: string;
}

/** The nested `event` selection of a table's event id columns and the object the row is about. */
export function eventIdOf<
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

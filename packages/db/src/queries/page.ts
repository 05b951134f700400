/**
 * Keyset pagination, shared by every list query: rows sorted newest first by
 * `(timestamp_ms, id)` descending, and an opaque cursor holding the last row's key.
 */
import { type AnyColumn, and, eq, type SQL, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";

/** Where a page starts: strictly after (older than) this row's sort key. */
export interface CursorKey {
  /** ms since the Unix epoch */
  timestampMs: number;
  /** the row's id (object id) */
  id: string;
}

/** Paging options of every list query. */
export interface PageOptions {
  /** Rows per page, 1..`MAX_PAGE_LIMIT`. */
  limit: number;
  /** Continue after this key (from `decodeCursor`); the first page without one. */
  after?: CursorKey;
}

/** One page of a list, and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The largest page a list query returns. */
export const MAX_PAGE_LIMIT = 100;

/** A cursor that `decodeCursor` cannot read. */
export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`malformed cursor ${JSON.stringify(cursor.slice(0, 64))}`);
    this.name = "InvalidCursorError";
  }
}

/** The opaque cursor for `key`: base64url of `[timestampMs, id]` as JSON. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.timestampMs, key.id])).toString("base64url");
}

/**
 * Reads a cursor made by `encodeCursor`.
 *
 * @throws InvalidCursorError when it is not one
 */
export function decodeCursor(cursor: string): CursorKey {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error();
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError(cursor);
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !Number.isSafeInteger(value[0]) ||
    typeof value[1] !== "string" ||
    !/^0x[0-9a-f]{64}$/.test(value[1])
  ) {
    throw new InvalidCursorError(cursor);
  }
  return { timestampMs: value[0], id: value[1] };
}

/**
 * The sort order, condition and row count of a page over `(time, id)` descending.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export function pageClauses(time: AnyColumn, id: AnyColumn, options: PageOptions) {
  const { limit, after } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
  }
  const where: SQL | undefined = after
    ? sql`(${time}, ${id}) < (${after.timestampMs}, ${after.id})`
    : undefined;
  return { where, orderBy: [sql`${time} desc`, sql`${id} desc`], take: limit + 1 };
}

/**
 * The page from the `limit + 1` rows a query fetched with `pageClauses`: the first `limit`
 * rows, and a cursor after the last of them when there were more.
 */
export function toPage<T extends { id: string; timestampMs: number }>(
  rows: T[],
  limit: number,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/**
 * The condition `column = value` of an optional list filter, or none (`undefined`, which
 * drizzle's `and` skips) when the filter is absent.
 */
export function eqIf(column: AnyColumn, value: unknown): SQL | undefined {
  return value === undefined ? undefined : eq(column, value);
}

/**
 * The rows of one page of a list query: `query` (a `select … from …` in drizzle's dynamic
 * mode, `.$dynamic()`) gets `filters` (undefined ones skipped) and the cursor's condition, is
 * sorted by `(time, id)` descending, and reads `limit + 1` rows, for `toPage`.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function pageRows<Q extends PgSelect>(
  query: Q,
  key: { time: AnyColumn; id: AnyColumn },
  filters: (SQL | undefined)[],
  options: PageOptions,
): Promise<Awaited<Q>> {
  const page = pageClauses(key.time, key.id, options);
  return await query
    .where(and(...filters, page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
}

/**
 * Walrus Blob objects' status, kept at write time: after a batch's Walrus events are inserted,
 * each Blob object they name gets (or moves on) its `walrus_blob_objects` row, in the same
 * transaction. Lists then filter and page on status through an index.
 */
import { sql } from "drizzle-orm";
import type { Db, Tx } from "./database.ts";
import { insertRows } from "./insert.ts";
import { walrusBlobObjects } from "./schema/index.ts";
import type { InsertRow } from "./tables.ts";

/** A `walrus_blob_objects` row. */
type BlobObjectRow = typeof walrusBlobObjects.$inferInsert;

/** A Blob object's statuses, in the order its life goes through them. */
const BLOB_STATUSES = ["registered", "certified", "deleted"] as const;

const rank = (status: string) => BLOB_STATUSES.indexOf(status as BlobObjectRow["status"]);

/** `BLOB_STATUSES` as an SQL array, for the upsert's rank of a status. */
const STATUS_ARRAY = `array[${BLOB_STATUSES.map((status) => `'${status}'`).join(", ")}]`;

/** The further status, and the earlier first sighting. */
const KEEP_THE_FURTHEST = sql.raw(`on conflict (network, object_id) do update set
  status = case when array_position(${STATUS_ARRAY}, excluded.status)
                   > array_position(${STATUS_ARRAY}, walrus_blob_objects.status)
                then excluded.status else walrus_blob_objects.status end,
  first_seen_ms = least(excluded.first_seen_ms, walrus_blob_objects.first_seen_ms)
  where excluded.status <> walrus_blob_objects.status
     or excluded.first_seen_ms < walrus_blob_objects.first_seen_ms`);

/**
 * One row per Blob object among `events` (a batch's `walrus_blob_events` rows): the furthest
 * status they reach and the earliest chain time, in (network, object id) order. Events without
 * an object (`invalid`, `deny_listed`) are left out.
 */
function blobObjectRowsOf(events: readonly InsertRow<"walrusBlobEvents">[]): BlobObjectRow[] {
  const objects = new Map<string, BlobObjectRow>();
  for (const e of events) {
    if (e.objectId === null || e.objectId === undefined || rank(e.kind) < 0) continue;
    const key = `${e.network}\u0000${e.objectId}`;
    const held = objects.get(key);
    objects.set(key, {
      network: e.network,
      objectId: e.objectId,
      blobId: e.blobId,
      status:
        held && rank(held.status) >= rank(e.kind)
          ? held.status
          : (e.kind as BlobObjectRow["status"]),
      firstSeenMs: Math.min(held?.firstSeenMs ?? e.timestampMs, e.timestampMs),
    });
  }
  return [...objects.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

/**
 * Records in `walrus_blob_objects` every Blob object that `events` (a batch's Walrus events,
 * already inserted in `tx`) name: a new object gets a row, a known one moves to a further status
 * or an earlier first sighting. Rows go in key order, so concurrent commits lock shared rows in
 * the same order. Committing a batch again changes nothing.
 *
 * @returns how many rows were inserted or changed
 * @throws the driver's error when the statement fails (the caller's transaction is then void)
 */
export function recordBlobObjects(
  tx: Db | Tx,
  events: readonly InsertRow<"walrusBlobEvents">[],
): Promise<number> {
  return insertRows(tx, walrusBlobObjects, blobObjectRowsOf(events), KEEP_THE_FURTHEST);
}

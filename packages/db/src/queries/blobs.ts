/**
 * Walrus blobs as the API shows them: one blob id with its Blob objects' status and what points
 * at it, and a page of Blob objects at a time.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { walrusBlobObjects, walrusBlobs } from "../schema/walrus.ts";
import { type Dataset, entitiesOfBlob, type Model } from "./entities.ts";
import { type EntityEvent, inRange, type TimeRange } from "./event-id.ts";
import { eqIf, type Page, type PageOptions, pageRows, toPage } from "./page.ts";

/** One Walrus `Blob` object storing the blob, from the `walrus_blobs` view. */
export interface WalrusBlobObject {
  network: string;
  objectId: string;
  /** `registered` | `certified` | `deleted` (expiry: compare `endEpoch` with the epoch) */
  status: "registered" | "certified" | "deleted";
  /** unencoded bytes, decimal; null when the registration was not indexed */
  size: string | null;
  encodingType: number | null;
  deletable: boolean | null;
  registeredEpoch: number | null;
  certifiedEpoch: number | null;
  deletedEpoch: number | null;
  /** first epoch in which it is no longer stored (exclusive) */
  endEpoch: number | null;
  /** event ids of the registration, latest certification and deletion, when seen */
  registered: EntityEvent | null;
  certified: EntityEvent | null;
  deleted: EntityEvent | null;
}

/** Everything known of one blob id. */
export interface BlobInfo {
  /** URL-safe base64, as Walrus prints it */
  blobId: string;
  objects: WalrusBlobObject[];
  datasets: Dataset[];
  models: Model[];
}

const handle = (
  objectId: string,
  checkpoint: number | null,
  txDigest: string | null,
  eventIndex: number | null,
): EntityEvent | null =>
  checkpoint === null || txDigest === null || eventIndex === null
    ? null
    : { checkpoint, txDigest, eventIndex, objectId };

/** A `walrus_blobs` row as the API shows it. */
const toBlobObject = (b: typeof walrusBlobs.$inferSelect): WalrusBlobObject => ({
  network: b.network,
  objectId: b.objectId,
  status: b.status,
  size: b.size === null ? null : String(b.size),
  encodingType: b.encodingType,
  deletable: b.deletable,
  registeredEpoch: b.registeredEpoch,
  certifiedEpoch: b.certifiedEpoch,
  deletedEpoch: b.deletedEpoch,
  endEpoch: b.endEpoch,
  registered: handle(
    b.objectId,
    b.registeredCheckpoint,
    b.registeredTxDigest,
    b.registeredEventIndex,
  ),
  certified: handle(b.objectId, b.certifiedCheckpoint, b.certifiedTxDigest, b.certifiedEventIndex),
  deleted: handle(b.objectId, b.deletedCheckpoint, b.deletedTxDigest, b.deletedEventIndex),
});

/**
 * The blob `blobId` (URL-safe base64): its Walrus objects (by network and object id) and the
 * datasets and models stored as it (oldest first); undefined when nothing is known of it.
 */
export async function getBlob(db: Db, blobId: string): Promise<BlobInfo | undefined> {
  const [rows, entities] = await Promise.all([
    db
      .select()
      .from(walrusBlobs)
      .where(eq(walrusBlobs.blobId, blobId))
      .orderBy(walrusBlobs.network, walrusBlobs.objectId),
    entitiesOfBlob(db, blobId),
  ]);
  if (rows.length + entities.datasets.length + entities.models.length === 0) return undefined;
  return { blobId, objects: rows.map(toBlobObject), ...entities };
}

/** A Walrus `Blob` object in a list: its blob id, and when it was first seen. */
export interface ListedBlobObject extends WalrusBlobObject {
  /** URL-safe base64, as Walrus prints it */
  blobId: string;
  /**
   * chain time of the first indexed event of the object (its registration, unless that
   * predates the indexed checkpoints), ms since the Unix epoch; lists sort on it
   */
  timestampMs: number;
}

/** Filters of `listBlobObjects`; the time range applies to `timestampMs` (first seen). */
export interface BlobObjectFilter extends TimeRange {
  status?: WalrusBlobObject["status"];
}

/**
 * Walrus `Blob` objects matching `filter`, newest first (by when each was first seen, then
 * object id): the page's objects from `walrus_blob_objects` (kept by the write path, indexed on
 * status and first sighting), then each one's row of the `walrus_blobs` view, so that the view is
 * computed for the page's objects only.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listBlobObjects(
  db: Db,
  filter: BlobObjectFilter,
  options: PageOptions,
): Promise<Page<ListedBlobObject>> {
  const o = walrusBlobObjects;
  const keys = await pageRows(
    db
      .select({ network: o.network, id: o.objectId, timestampMs: o.firstSeenMs })
      .from(o)
      .$dynamic(),
    { time: o.firstSeenMs, id: o.objectId },
    [eqIf(o.status, filter.status), ...inRange(o.firstSeenMs, filter)],
    options,
  );
  const { items, nextCursor } = toPage(keys, options.limit);
  // One statement per object: an equality on the object id reaches every part of the view,
  // where a list (`in`) only reaches the first and the others are computed whole.
  const rows = await Promise.all(
    items.map((k) =>
      db
        .select()
        .from(walrusBlobs)
        .where(and(eq(walrusBlobs.network, k.network), eq(walrusBlobs.objectId, k.id))),
    ),
  );
  return {
    // The view has a row for every object of `walrus_blob_objects` (same events, same commit).
    items: items.map((k, i) => {
      const b = rows[i]![0]!;
      return { ...toBlobObject(b), blobId: b.blobId, timestampMs: k.timestampMs };
    }),
    nextCursor,
  };
}

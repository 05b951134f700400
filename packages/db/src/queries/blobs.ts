/**
 * Walrus blobs as the API shows them: one blob id with its Blob objects' status and what points
 * at it, and a page of Blob objects at a time.
 */
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../database.ts";
import { walrusBlobEvents, walrusBlobs } from "../schema/walrus.ts";
import { type Dataset, entitiesOfBlob, type Model } from "./entities.ts";
import { type Page, type PageOptions, pageClauses, toPage } from "./page.ts";
import { type EntityProof, inRange, type TimeRange } from "./proof.ts";

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
  /** proof handles of the registration, latest certification and deletion, when seen */
  registered: EntityProof | null;
  certified: EntityProof | null;
  deleted: EntityProof | null;
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
): EntityProof | null =>
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

/** The events that make up a Blob object's life; `invalid` and `deny_listed` have no object. */
const OBJECT_EVENTS = ["registered", "certified", "deleted"];

/**
 * Walrus `Blob` objects matching `filter`, newest first (by when each was first seen, then
 * object id): the page's objects from the first event of each in `walrus_blob_events`, then
 * each one's row of the `walrus_blobs` view, so that the view is computed for the page's
 * objects only (through the indexes); a status filter still computes it for every object.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listBlobObjects(
  db: Db,
  filter: BlobObjectFilter,
  options: PageOptions,
): Promise<Page<ListedBlobObject>> {
  const first = walrusBlobEvents;
  const earlier = alias(walrusBlobEvents, "earlier");
  const page = pageClauses(first.timestampMs, first.objectId, options);
  const inStatus = (status: WalrusBlobObject["status"]) =>
    sql`(${first.network}, ${first.objectId}) in ${db
      .select({ network: walrusBlobs.network, objectId: walrusBlobs.objectId })
      .from(walrusBlobs)
      .where(eq(walrusBlobs.status, status))}`;
  const keys = await db
    .select({
      network: first.network,
      id: sql<string>`${first.objectId}`, // not null: every event of OBJECT_EVENTS has one
      timestampMs: first.timestampMs,
    })
    .from(first)
    .where(
      and(
        inArray(first.kind, OBJECT_EVENTS),
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(
              and(
                eq(earlier.network, first.network),
                eq(earlier.objectId, first.objectId),
                inArray(earlier.kind, OBJECT_EVENTS),
                sql`(${earlier.checkpoint}, ${earlier.txDigest}, ${earlier.eventIndex})
                  < (${first.checkpoint}, ${first.txDigest}, ${first.eventIndex})`,
              ),
            ),
        ),
        filter.status === undefined ? undefined : inStatus(filter.status),
        ...inRange(first.timestampMs, filter),
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
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
    // The view has a row for every object with an event of OBJECT_EVENTS.
    items: items.map((k, i) => {
      const b = rows[i]![0]!;
      return { ...toBlobObject(b), blobId: b.blobId, timestampMs: k.timestampMs };
    }),
    nextCursor,
  };
}

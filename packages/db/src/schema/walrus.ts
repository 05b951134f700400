/**
 * Walrus blob lifecycle, from Walrus's own system events (`walrus::events`): one row per event,
 * keyed by its proof handle, and a view with each blob object's current status.
 */
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, pgView, primaryKey, smallint, text } from "drizzle-orm/pg-core";
import { blobId, objectId, proof, u64 } from "./columns.ts";

/** Every `BlobRegistered` / `BlobCertified` / `BlobDeleted` (and blob-level deny-list) event. */
export const walrusBlobEvents = pgTable(
  "walrus_blob_events",
  {
    ...proof(),
    /** which network's Walrus emitted it: mainnet, testnet, ... */
    network: text("network").notNull(),
    /** `registered` | `certified` | `deleted` | `invalid` | `deny_listed` */
    kind: text("kind").notNull(),
    blobId: blobId("blob_id").notNull(),
    /** the `walrus::blob::Blob` object (null for invalid / deny-listed blob ids) */
    objectId: objectId("object_id"),
    /** Walrus epoch in which the event happened */
    epoch: integer("epoch").notNull(),
    /** first Walrus epoch in which the blob is no longer stored (exclusive) */
    endEpoch: integer("end_epoch"),
    /** unencoded size in bytes (registered only) */
    size: u64("size"),
    encodingType: smallint("encoding_type"),
    deletable: boolean("deletable"),
    /** certified only: an extension of an already certified blob */
    isExtension: boolean("is_extension"),
    /** deleted only */
    wasCertified: boolean("was_certified"),
    timestampMs: u64("timestamp_ms").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.txDigest, t.eventIndex] }),
    index("walrus_blob_events_blob_id").on(t.blobId),
    index("walrus_blob_events_object_id").on(t.objectId),
  ],
);

/**
 * Current status of each Blob object: its registration, its latest certification and its
 * deletion, if any. `status` is `deleted`, `certified` or `registered`.
 */
export const walrusBlobs = pgView("walrus_blobs").as((qb) =>
  qb
    .select({
      objectId: walrusBlobEvents.objectId,
      blobId: sql<string>`(array_agg(${walrusBlobEvents.blobId}))[1]`.as("blob_id"),
      network: sql<string>`(array_agg(${walrusBlobEvents.network}))[1]`.as("network"),
      status: sql<string>`case when bool_or(${walrusBlobEvents.kind} = 'deleted') then 'deleted'
        when bool_or(${walrusBlobEvents.kind} = 'certified') then 'certified' else 'registered' end`.as("status"),
      size: sql<string>`max(${walrusBlobEvents.size})`.as("size"),
      registeredEpoch: sql<number>`min(${walrusBlobEvents.epoch}) filter (where ${walrusBlobEvents.kind} = 'registered')`.as(
        "registered_epoch",
      ),
      certifiedEpoch: sql<number>`min(${walrusBlobEvents.epoch}) filter (where ${walrusBlobEvents.kind} = 'certified')`.as(
        "certified_epoch",
      ),
      endEpoch: sql<number>`max(${walrusBlobEvents.endEpoch})`.as("end_epoch"),
      deletable: sql<boolean>`bool_and(${walrusBlobEvents.deletable})`.as("deletable"),
      firstCheckpoint: sql<number>`min(${walrusBlobEvents.checkpoint})`.as("first_checkpoint"),
      lastCheckpoint: sql<number>`max(${walrusBlobEvents.checkpoint})`.as("last_checkpoint"),
    })
    .from(walrusBlobEvents)
    .where(sql`${walrusBlobEvents.objectId} is not null`)
    .groupBy(walrusBlobEvents.objectId),
);

/**
 * Walrus blob lifecycle, from Walrus's own system events (`walrus::events`): one row per event,
 * keyed by its event id, and a view with each blob object's current status.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  pgView,
  primaryKey,
  smallint,
  text,
} from "drizzle-orm/pg-core";
import { blobId, eventId, objectId, timeMs, u64 } from "./columns.ts";

/** Every `BlobRegistered` / `BlobCertified` / `BlobDeleted` (and blob-level deny-list) event. */
export const walrusBlobEvents = pgTable(
  "walrus_blob_events",
  {
    ...eventId(),
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
    /** chain time of the checkpoint, ms */
    timestampMs: timeMs("timestamp_ms").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.txDigest, t.eventIndex] }),
    // Lookups by blob id, and search by blob id prefix (`like 'prefix%'`) whatever the collation.
    index("walrus_blob_events_blob_id").on(t.blobId.op("text_pattern_ops")),
    index("walrus_blob_events_object_id").on(t.objectId),
    // `GET /v1/blobs`: newest first (scanned backwards), ties broken by object id.
    index("walrus_blob_events_timestamp_object").on(t.timestampMs, t.objectId),
  ],
);

/**
 * Each Walrus `Blob` object's status and when it was first seen, kept at write time from
 * `walrus_blob_events` (`recordBlobObjects`, called by `commitBatch`) so that lists filter on
 * status and page newest first through an index instead of computing `walrus_blobs` for every
 * object. `status` is the furthest its events reached (`registered` < `certified` < `deleted`),
 * as `walrus_blobs` defines it; `first_seen_ms` the chain time of its first event. Both are
 * order independent (greatest, least), so batches may come in any order.
 */
export const walrusBlobObjects = pgTable(
  "walrus_blob_objects",
  {
    network: text("network").notNull(),
    objectId: objectId("object_id").notNull(),
    blobId: blobId("blob_id").notNull(),
    /** `registered` | `certified` | `deleted` */
    status: text("status").$type<"registered" | "certified" | "deleted">().notNull(),
    /** chain time of the object's first indexed event, ms */
    firstSeenMs: timeMs("first_seen_ms").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.objectId] }),
    // `GET /v1/blobs`, newest first, with and without a status filter.
    index("walrus_blob_objects_page").on(t.firstSeenMs, t.objectId),
    index("walrus_blob_objects_status_page").on(t.status, t.firstSeenMs, t.objectId),
  ],
);

/**
 * Current status of each Walrus `Blob` object (one row per network and object id; one blob id
 * stored twice, under two objects, gives two rows), computed from `walrus_blob_events`:
 *
 * - `status`: `deleted` once a `BlobDeleted` was seen, else `certified` once a `BlobCertified`
 *   was seen, else `registered`. Expiry is not a status: compare `end_epoch` with the current
 *   Walrus epoch, which the database does not know.
 * - `certified_epoch`: the epoch of the first certification (extensions re-certify later).
 * - `end_epoch`: the latest end epoch (exclusive). Walrus only ever extends a blob's lifetime,
 *   so the latest is the greatest; taking the maximum does not depend on the order of
 *   transactions within a checkpoint, which the events do not record.
 * - `size`, `encoding_type`: from the registration (null when the registration predates the
 *   indexed range); `deletable` from the registration, else from a certification.
 * - Event ids of the registration (`registered_*`), the latest certification
 *   (`certified_*`: greatest checkpoint, then end epoch, then event index) and the deletion
 *   (`deleted_*`), each null when that event was not seen.
 *
 * Events without an object id (`invalid`, `deny_listed`) are not blob objects and are left out.
 * A filter on `network`, `object_id` or `blob_id` reaches the indexes of `walrus_blob_events`
 * (PostgreSQL pushes it into every part), so looking up one blob does not compute them all.
 */
export const walrusBlobs = pgView("walrus_blobs", {
  network: text("network").notNull(),
  objectId: objectId("object_id").notNull(),
  blobId: blobId("blob_id").notNull(),
  /** `registered` | `certified` | `deleted` */
  status: text("status").$type<"registered" | "certified" | "deleted">().notNull(),
  /** unencoded size in bytes */
  size: u64("size"),
  encodingType: smallint("encoding_type"),
  deletable: boolean("deletable"),
  registeredEpoch: integer("registered_epoch"),
  certifiedEpoch: integer("certified_epoch"),
  deletedEpoch: integer("deleted_epoch"),
  endEpoch: integer("end_epoch"),
  registeredCheckpoint: bigint("registered_checkpoint", { mode: "number" }),
  registeredTxDigest: text("registered_tx_digest"),
  registeredEventIndex: integer("registered_event_index"),
  certifiedCheckpoint: bigint("certified_checkpoint", { mode: "number" }),
  certifiedTxDigest: text("certified_tx_digest"),
  certifiedEventIndex: integer("certified_event_index"),
  deletedCheckpoint: bigint("deleted_checkpoint", { mode: "number" }),
  deletedTxDigest: text("deleted_tx_digest"),
  deletedEventIndex: integer("deleted_event_index"),
}).as(sql`
  select
    o.network,
    o.object_id,
    o.blob_id,
    case
      when d.event_index is not null then 'deleted'
      when c.event_index is not null then 'certified'
      else 'registered'
    end as status,
    r.size,
    r.encoding_type,
    coalesce(r.deletable, c.deletable) as deletable,
    r.epoch as registered_epoch,
    o.certified_epoch,
    d.epoch as deleted_epoch,
    o.end_epoch,
    r.checkpoint as registered_checkpoint,
    r.tx_digest as registered_tx_digest,
    r.event_index as registered_event_index,
    c.checkpoint as certified_checkpoint,
    c.tx_digest as certified_tx_digest,
    c.event_index as certified_event_index,
    d.checkpoint as deleted_checkpoint,
    d.tx_digest as deleted_tx_digest,
    d.event_index as deleted_event_index
  from (
    select
      e.network,
      e.object_id,
      e.blob_id,
      min(e.epoch) filter (where e.kind = 'certified') as certified_epoch,
      max(e.end_epoch) as end_epoch
    from walrus_blob_events e
    where e.object_id is not null and e.kind in ('registered', 'certified', 'deleted')
    group by e.network, e.object_id, e.blob_id
  ) o
  left join (
    select distinct on (e.network, e.object_id, e.blob_id)
      e.network, e.object_id, e.blob_id,
      e.checkpoint, e.tx_digest, e.event_index, e.epoch, e.size, e.encoding_type, e.deletable
    from walrus_blob_events e
    where e.object_id is not null and e.kind = 'registered'
    order by e.network, e.object_id, e.blob_id, e.checkpoint, e.event_index, e.tx_digest
  ) r using (network, object_id, blob_id)
  left join (
    select distinct on (e.network, e.object_id, e.blob_id)
      e.network, e.object_id, e.blob_id,
      e.checkpoint, e.tx_digest, e.event_index, e.deletable
    from walrus_blob_events e
    where e.object_id is not null and e.kind = 'certified'
    order by e.network, e.object_id, e.blob_id,
      e.checkpoint desc, e.end_epoch desc nulls last, e.event_index desc, e.tx_digest desc
  ) c using (network, object_id, blob_id)
  left join (
    select distinct on (e.network, e.object_id, e.blob_id)
      e.network, e.object_id, e.blob_id,
      e.checkpoint, e.tx_digest, e.event_index, e.epoch
    from walrus_blob_events e
    where e.object_id is not null and e.kind = 'deleted'
    order by e.network, e.object_id, e.blob_id, e.checkpoint, e.event_index, e.tx_digest
  ) d using (network, object_id, blob_id)
`);

import type { Checkpoint, CheckpointTransaction } from "@verity/checkpoints";
import { blobIdFromU256, walrusEvents } from "@verity/sdk";
import type { WalrusOptions } from "../options.ts";
import {
  decodeStrict,
  type EventContext,
  eventIdOf,
  eventsOf,
  keepProofParts,
  type ProcessedCheckpoint,
  type Processor,
  push,
  quarantine,
} from "../processor.ts";

type BlobEventRow = Parameters<typeof push<"walrusBlobEvents">>[2];
type BlobEvent = Omit<
  BlobEventRow,
  "checkpoint" | "txDigest" | "eventIndex" | "network" | "timestampMs"
>;

const { events, isWalrusEventName } = walrusEvents;
type EventName = walrusEvents.WalrusEventName;
type EventValues = walrusEvents.WalrusEventValues;

/**
 * How each blob-level Walrus event becomes a `walrus_blob_events` row (the other events have
 * none).
 */
const blobEvents: { readonly [S in EventName]?: (value: EventValues[S]) => BlobEvent } = {
  BlobRegistered: (v) => ({
    kind: "registered",
    blobId: blobIdFromU256(v.blob_id),
    objectId: v.object_id,
    epoch: v.epoch,
    endEpoch: v.end_epoch,
    size: BigInt(v.size),
    encodingType: v.encoding_type,
    deletable: v.deletable,
  }),
  BlobCertified: (v) => ({
    kind: "certified",
    blobId: blobIdFromU256(v.blob_id),
    objectId: v.object_id,
    epoch: v.epoch,
    endEpoch: v.end_epoch,
    deletable: v.deletable,
    isExtension: v.is_extension,
  }),
  BlobDeleted: (v) => ({
    kind: "deleted",
    blobId: blobIdFromU256(v.blob_id),
    objectId: v.object_id,
    epoch: v.epoch,
    endEpoch: v.end_epoch,
    wasCertified: v.was_certified,
  }),
  InvalidBlobID: (v) => ({
    kind: "invalid",
    blobId: blobIdFromU256(v.blob_id),
    epoch: v.epoch,
  }),
  DenyListBlobDeleted: (v) => ({
    kind: "deny_listed",
    blobId: blobIdFromU256(v.blob_id),
    epoch: v.epoch,
  }),
};

/**
 * The `walrus` pipeline's processor: Walrus's blob events (`walrus::events::BlobRegistered`,
 * `BlobCertified`, `BlobDeleted`, `InvalidBlobID`, `DenyListBlobDeleted`) become
 * `walrus_blob_events` rows, timestamped with the checkpoint. Its other system events (epoch
 * changes, shards, upgrades, managed blobs) are decoded and skipped; an undecodable or unknown
 * event in `walrus::events` is quarantined.
 */
export function walrusProcessor({ network, packageId }: WalrusOptions): Processor {
  const row = (ctx: EventContext, event: BlobEvent): BlobEventRow => ({
    ...event,
    network,
    timestampMs: Number(ctx.checkpoint.timestampMs),
    ...eventIdOf(ctx),
  });
  return {
    name: "walrus",
    eventPackages: [packageId],
    spec: { pipeline: "walrus", options: { network, packageId } },
    process(checkpoint: Checkpoint): ProcessedCheckpoint {
      const out: ProcessedCheckpoint = { rows: {}, quarantined: [] };
      const proven = new Set<CheckpointTransaction>();
      for (const ctx of eventsOf(checkpoint)) {
        if (ctx.event.packageId !== packageId || ctx.event.module !== "events") continue;
        proven.add(ctx.transaction);
        const { struct } = ctx.event;
        if (!isWalrusEventName(struct)) {
          out.quarantined.push(quarantine(ctx, `unknown Walrus event type events::${struct}`));
          continue;
        }
        const decoded = blobEventOf(struct, ctx.event.contents);
        if ("reason" in decoded) out.quarantined.push(quarantine(ctx, decoded.reason));
        else if (decoded.event) push(out.rows, "walrusBlobEvents", row(ctx, decoded.event));
      }
      keepProofParts(out.rows, network, checkpoint, proven);
      return out;
    },
  };
}

/**
 * Decodes a `struct` event's BCS `contents`: its blob event, none for the events that are not
 * about one blob, or the reason it does not decode.
 */
function blobEventOf<S extends EventName>(
  struct: S,
  contents: Uint8Array,
): { event: BlobEvent | undefined } | { reason: string } {
  const decoded = decodeStrict(events[struct], contents);
  if ("reason" in decoded) return decoded;
  return { event: blobEvents[struct]?.(decoded.value) };
}

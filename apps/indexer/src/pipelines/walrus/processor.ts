import { walrusEvents } from "@verity/sdk";
import type { Checkpoint } from "../../checkpoint.ts";
import { walrusBlobId } from "../encoding.ts";
import {
  decodeStrict,
  type EventContext,
  eventsOf,
  type ProcessedCheckpoint,
  type Processor,
  proofOf,
  push,
  quarantine,
} from "../processor.ts";

/** Configuration of the walrus pipeline. */
export interface WalrusOptions {
  /** Network name the rows are tagged with. */
  network: string;
  /** The Walrus package whose `events` module defines the system events (0x + 64 hex). */
  packageId: string;
}

type Of<T extends { $inferType: unknown }> = T["$inferType"];
type BlobEventRow = Parameters<typeof push<"walrusBlobEvents">>[2];
type BlobEvent = Omit<
  BlobEventRow,
  "checkpoint" | "txDigest" | "eventIndex" | "network" | "timestampMs"
>;

const { events } = walrusEvents;

/** How each blob-level Walrus event becomes a `walrus_blob_events` row. */
const blobEvents: Partial<Record<keyof typeof events, (value: never) => BlobEvent>> = {
  BlobRegistered: (v: Of<typeof events.BlobRegistered>) => ({
    kind: "registered",
    blobId: walrusBlobId(v.blob_id),
    objectId: v.object_id,
    epoch: v.epoch,
    endEpoch: v.end_epoch,
    size: BigInt(v.size),
    encodingType: v.encoding_type,
    deletable: v.deletable,
  }),
  BlobCertified: (v: Of<typeof events.BlobCertified>) => ({
    kind: "certified",
    blobId: walrusBlobId(v.blob_id),
    objectId: v.object_id,
    epoch: v.epoch,
    endEpoch: v.end_epoch,
    deletable: v.deletable,
    isExtension: v.is_extension,
  }),
  BlobDeleted: (v: Of<typeof events.BlobDeleted>) => ({
    kind: "deleted",
    blobId: walrusBlobId(v.blob_id),
    objectId: v.object_id,
    epoch: v.epoch,
    endEpoch: v.end_epoch,
    wasCertified: v.was_certified,
  }),
  InvalidBlobID: (v: Of<typeof events.InvalidBlobID>) => ({
    kind: "invalid",
    blobId: walrusBlobId(v.blob_id),
    epoch: v.epoch,
  }),
  DenyListBlobDeleted: (v: Of<typeof events.DenyListBlobDeleted>) => ({
    kind: "deny_listed",
    blobId: walrusBlobId(v.blob_id),
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
    ...proofOf(ctx),
  });
  return {
    name: "walrus",
    process(checkpoint: Checkpoint): ProcessedCheckpoint {
      const out: ProcessedCheckpoint = { rows: {}, quarantined: [] };
      for (const ctx of eventsOf(checkpoint)) {
        if (ctx.event.packageId !== packageId || ctx.event.module !== "events") continue;
        const struct = ctx.event.struct as keyof typeof events;
        const layout = Object.hasOwn(events, struct) ? events[struct] : undefined;
        if (!layout) {
          out.quarantined.push(
            quarantine(ctx, `unknown Walrus event type events::${ctx.event.struct}`),
          );
          continue;
        }
        const decoded = decodeStrict(layout, ctx.event.contents);
        if ("reason" in decoded) {
          out.quarantined.push(quarantine(ctx, decoded.reason));
          continue;
        }
        const toRow = blobEvents[struct];
        if (toRow) push(out.rows, "walrusBlobEvents", row(ctx, toRow(decoded.value as never)));
      }
      return out;
    },
  };
}

/** A Walrus blob as the API shows it: its blob objects' status, and what points at it. */
import { eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { walrusBlobs } from "../schema/walrus.ts";
import { type Dataset, entitiesOfBlob, type Model } from "./entities.ts";
import type { EntityProof } from "./proof.ts";

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
  const objects = rows.map(
    (b): WalrusBlobObject => ({
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
      certified: handle(
        b.objectId,
        b.certifiedCheckpoint,
        b.certifiedTxDigest,
        b.certifiedEventIndex,
      ),
      deleted: handle(b.objectId, b.deletedCheckpoint, b.deletedTxDigest, b.deletedEventIndex),
    }),
  );
  return { blobId, objects, ...entities };
}

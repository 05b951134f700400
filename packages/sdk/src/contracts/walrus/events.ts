/**
 * BCS layouts of Walrus's `walrus::events` module (MystenLabs/walrus,
 * contracts/walrus/sources/system/events.move), the system events that give every blob its
 * status. `@mysten/walrus` ships no layouts for this module, so they are mirrored here.
 * Blob ids are `u256` (decoded as decimal strings; `blobIdFromInt` of `@mysten/walrus` turns
 * them into the URL-safe base64 form Walrus prints). Epochs are Walrus epochs (`u32`).
 */
import { bcs } from "@mysten/sui/bcs";
import { BlobId, Bytes, ID } from "../verity/common.ts";
import type { LayoutsByName } from "../verity/index.ts";

/** A blob was registered: storage reserved until `end_epoch` (exclusive). */
export const BlobRegistered = bcs.struct("BlobRegistered", {
  epoch: bcs.u32(),
  blob_id: BlobId,
  /** unencoded size in bytes */
  size: bcs.u64(),
  encoding_type: bcs.u8(),
  end_epoch: bcs.u32(),
  deletable: bcs.bool(),
  /** the `walrus::blob::Blob` object */
  object_id: ID,
});

/** A blob was certified (available), or its certified lifetime was extended. */
export const BlobCertified = bcs.struct("BlobCertified", {
  epoch: bcs.u32(),
  blob_id: BlobId,
  end_epoch: bcs.u32(),
  deletable: bcs.bool(),
  object_id: ID,
  is_extension: bcs.bool(),
});

/** A deletable blob was deleted by its owner. */
export const BlobDeleted = bcs.struct("BlobDeleted", {
  epoch: bcs.u32(),
  blob_id: BlobId,
  end_epoch: bcs.u32(),
  object_id: ID,
  was_certified: bcs.bool(),
});

/** A blob id was shown to be inconsistently encoded. */
export const InvalidBlobID = bcs.struct("InvalidBlobID", { epoch: bcs.u32(), blob_id: BlobId });

/** A blob was removed after f+1 storage nodes deny-listed it. */
export const DenyListBlobDeleted = bcs.struct("DenyListBlobDeleted", {
  epoch: bcs.u32(),
  blob_id: BlobId,
});

const epochOnly = { epoch: bcs.u32() };
const shards = { epoch: bcs.u32(), shards: bcs.vector(bcs.u16()) };
const denyList = { epoch: bcs.u32(), root: bcs.u256(), sequence_number: bcs.u64(), node_id: ID };

const eventLayouts = {
  BlobRegistered,
  BlobCertified,
  BlobDeleted,
  InvalidBlobID,
  DenyListBlobDeleted,
  ManagedBlobRegistered: bcs.struct("ManagedBlobRegistered", {
    epoch: bcs.u32(),
    blob_manager_id: ID,
    blob_id: BlobId,
    size: bcs.u64(),
    encoding_type: bcs.u8(),
    deletable: bcs.bool(),
    blob_type: bcs.u8(),
    object_id: ID,
  }),
  ManagedBlobCertified: bcs.struct("ManagedBlobCertified", {
    epoch: bcs.u32(),
    blob_manager_id: ID,
    blob_id: BlobId,
    deletable: bcs.bool(),
    blob_type: bcs.u8(),
    object_id: ID,
  }),
  ManagedBlobDeleted: bcs.struct("ManagedBlobDeleted", {
    epoch: bcs.u32(),
    blob_manager_id: ID,
    blob_id: BlobId,
    object_id: ID,
    was_certified: bcs.bool(),
  }),
  BlobManagerExtended: bcs.struct("BlobManagerExtended", {
    epoch: bcs.u32(),
    blob_manager_id: ID,
    additional_storage: bcs.u64(),
    new_end_epoch: bcs.u32(),
  }),
  BlobManagerCreated: bcs.struct("BlobManagerCreated", {
    epoch: bcs.u32(),
    blob_manager_id: ID,
    end_epoch: bcs.u32(),
  }),
  EpochChangeStart: bcs.struct("EpochChangeStart", epochOnly),
  EpochChangeDone: bcs.struct("EpochChangeDone", epochOnly),
  ShardsReceived: bcs.struct("ShardsReceived", shards),
  EpochParametersSelected: bcs.struct("EpochParametersSelected", { next_epoch: bcs.u32() }),
  ShardRecoveryStart: bcs.struct("ShardRecoveryStart", shards),
  ContractUpgraded: bcs.struct("ContractUpgraded", {
    epoch: bcs.u32(),
    package_id: ID,
    version: bcs.u64(),
  }),
  RegisterDenyListUpdate: bcs.struct("RegisterDenyListUpdate", denyList),
  DenyListUpdate: bcs.struct("DenyListUpdate", denyList),
  ContractUpgradeProposed: bcs.struct("ContractUpgradeProposed", {
    epoch: bcs.u32(),
    package_digest: Bytes,
  }),
  ContractUpgradeQuorumReached: bcs.struct("ContractUpgradeQuorumReached", {
    epoch: bcs.u32(),
    package_digest: Bytes,
  }),
  ProtocolVersionUpdated: bcs.struct("ProtocolVersionUpdated", {
    epoch: bcs.u32(),
    start_epoch: bcs.u32(),
    protocol_version: bcs.u64(),
  }),
} as const;

/** A struct name of `walrus::events` (e.g. `BlobCertified`). */
export type WalrusEventName = keyof typeof eventLayouts;

/** The decoded value of each event of `walrus::events`, by struct name. */
export type WalrusEventValues = {
  [S in WalrusEventName]: (typeof eventLayouts)[S]["$inferType"];
};

/** What each event's layout of `walrus::events` encodes, by struct name. */
export type WalrusEventInputs = {
  [S in WalrusEventName]: (typeof eventLayouts)[S]["$inferInput"];
};

/**
 * Events of `walrus::events`, by struct name: their BCS layouts, typed per name (as the sdk's
 * `verityEvents`).
 */
export const events: LayoutsByName<WalrusEventValues, WalrusEventInputs> = eventLayouts;

/** Whether `struct` names an event of `walrus::events`. */
export function isWalrusEventName(struct: string): struct is WalrusEventName {
  return Object.hasOwn(events, struct);
}

/**
 * The package whose `events` module defines Walrus's event types (the original Walrus package
 * id, which event types keep across upgrades), per network.
 */
export const WALRUS_PACKAGE_IDS = {
  mainnet: "0xfdc88f7d7cf30afab2f82e8380d11ee8f70efb90e863d1de8616fae1bb09ea77",
  testnet: "0xd84704c17fc870b8764832c535aa6b11f21a95cd6f5bb38a9b07d2cf42220c66",
} as const;

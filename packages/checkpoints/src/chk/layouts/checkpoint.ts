/**
 * BCS layouts of a checkpoint-store file's payload (`sui_types::full_checkpoint_content::
 * CheckpointData` and `sui_types::messages_checkpoint`), written from Sui's serde registry
 * (`sui-format.yaml`); `@mysten/sui/bcs` has none of them. The values whose digests tie a
 * checkpoint together keep their BCS bytes (`WithBcs`): the summary (checkpoint digest), the
 * contents (`contentDigest`), and each transaction's data, effects and events. Field names are
 * the registry's, in camelCase; u64s decode as decimal strings.
 *
 * Two families are built from the one definition (see `leaves.ts`): the full one (addresses as
 * 0x + hex, digests as base58), for printing a checkpoint, and the raw one (addresses and
 * digests as views into the input), for indexing, which reads few of them.
 */
import { bcs } from "@mysten/bcs";
import { effectsLayouts } from "./effects.ts";
import { eventLayouts } from "./events.ts";
import { fullLeaves, type Leaves, rawLeaves } from "./leaves.ts";
import { moveLayouts } from "./move.ts";
import { objectLayouts } from "./object.ts";
import { enumLayout, traced, tracedVector, withBcs } from "./support.ts";
import { transactionLayouts } from "./transaction.ts";

/**
 * `AuthorityQuorumSignInfo`: a quorum's certificate of a checkpoint summary. In BCS, a certified
 * summary (`Envelope<CheckpointSummary, AuthorityQuorumSignInfo>`) is the summary's bytes
 * followed by these.
 */
export const AuthorityQuorumSignInfo = bcs.struct("AuthorityQuorumSignInfo", {
  epoch: bcs.u64(),
  /** aggregated BLS12-381 signature */
  signature: bcs.bytes(48),
  /** roaring bitmap of the signing validators' committee indices */
  signersMap: bcs.byteVector(),
});

/** `CheckpointData` over `leaves`, and the parts of it whose digests tie a checkpoint together. */
function checkpointLayout<L extends Leaves>(leaves: L) {
  const objects = objectLayouts(moveLayouts(leaves));
  const { Digest, SuiObject } = objects;
  const { TransactionEffects, GasCostSummary } = effectsLayouts(objects);
  const { TransactionEvents } = eventLayouts(objects);
  const { SignedTransaction, TransactionData } = transactionLayouts(objects);

  const CheckpointCommitment = enumLayout("CheckpointCommitment", {
    ECMHLiveObjectSetDigest: bcs.struct("ECMHLiveObjectSetDigest", { digest: Digest }),
    CheckpointArtifactsDigest: Digest,
  });

  /** `EndOfEpochData`: present in the last checkpoint of an epoch. */
  const EndOfEpochData = bcs.struct("EndOfEpochData", {
    /** (BLS public key, voting power) of each validator of the next epoch */
    nextEpochCommittee: bcs.vector(bcs.tuple([bcs.byteVector(), bcs.u64()])),
    nextEpochProtocolVersion: bcs.u64(),
    epochCommitments: bcs.vector(CheckpointCommitment),
  });

  /** `CheckpointSummary`: what validators sign; its digest is the checkpoint digest. */
  const CheckpointSummary = bcs.struct("CheckpointSummary", {
    epoch: bcs.u64(),
    sequenceNumber: bcs.u64(),
    /** transactions since genesis, this checkpoint's included */
    networkTotalTransactions: bcs.u64(),
    contentDigest: Digest,
    /** digest of checkpoint `sequenceNumber - 1` (none for genesis) */
    previousDigest: bcs.option(Digest),
    epochRollingGasCostSummary: GasCostSummary,
    /** consensus time, ms since the Unix epoch */
    timestampMs: bcs.u64(),
    checkpointCommitments: bcs.vector(CheckpointCommitment),
    endOfEpochData: bcs.option(EndOfEpochData),
    versionSpecificData: bcs.byteVector(),
  });

  /** `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>`: the summary and its certificate. */
  const CertifiedCheckpointSummary = bcs.struct("CertifiedCheckpointSummary", {
    data: withBcs(CheckpointSummary),
    authSignature: AuthorityQuorumSignInfo,
  });

  /** (transaction digest, effects digest) of one transaction. */
  const ExecutionDigests = bcs.struct("ExecutionDigests", { transaction: Digest, effects: Digest });

  /** `CheckpointContents`: the checkpoint's transactions, in execution order, with signatures. */
  const CheckpointContents = enumLayout("CheckpointContents", {
    V1: bcs.struct("CheckpointContentsV1", {
      transactions: bcs.vector(ExecutionDigests),
      userSignatures: bcs.vector(bcs.vector(bcs.byteVector())),
    }),
    V2: bcs.struct("CheckpointContentsV2", {
      transactions: bcs.vector(
        bcs.struct("CheckpointTransactionContents", {
          digest: ExecutionDigests,
          /** (signature, version of the `AddressAliases` object it was verified with, if any) */
          userSignatures: bcs.vector(bcs.tuple([bcs.byteVector(), bcs.option(bcs.u64())])),
        }),
      ),
    }),
  });

  /** `CheckpointTransaction`: one executed transaction with everything it touched. */
  const CheckpointTransaction = bcs.struct("CheckpointTransaction", {
    transaction: traced("transaction", SignedTransaction),
    effects: traced("effects", withBcs(TransactionEffects)),
    /** none when the transaction emitted no events */
    events: traced("events", bcs.option(withBcs(TransactionEvents))),
    /** objects as they were before the transaction */
    inputObjects: traced("inputObjects", bcs.vector(SuiObject)),
    /** objects as the transaction left them */
    outputObjects: traced("outputObjects", bcs.vector(SuiObject)),
  });

  /** `CheckpointData`: the payload of a checkpoint-store (`.chk`) file. */
  const CheckpointData = bcs.struct("CheckpointData", {
    checkpointSummary: traced("checkpointSummary", CertifiedCheckpointSummary),
    checkpointContents: traced("checkpointContents", withBcs(CheckpointContents)),
    transactions: tracedVector("transactions", CheckpointTransaction),
  });

  return {
    CheckpointData,
    SuiObject,
    CertifiedCheckpointSummary,
    CheckpointSummary,
    CheckpointContents,
    TransactionData,
    TransactionEffects,
    TransactionEvents,
  };
}

const full = checkpointLayout(fullLeaves);

/** `CheckpointData`, the payload of a `.chk` file, with addresses as 0x + hex, digests base58. */
export const CheckpointData = full.CheckpointData;

/** `Object`: an object version, as a checkpoint's input and output objects hold it. */
export const SuiObject = full.SuiObject;

/**
 * The parts of a (full) `CheckpointData` that Sui hashes (`suiDigest` with the part's name):
 * `TransactionData` (the transaction digest, which its effects name), `TransactionEvents` (the
 * events digest, which the effects name), `TransactionEffects` (listed in the contents),
 * `CheckpointContents` (the summary's `contentDigest`) and `CheckpointSummary` (the checkpoint
 * digest, the next summary's `previousDigest`). Encoding a checkpoint means encoding each part,
 * hashing it, and writing the digest where the next part names it.
 */
export const {
  CertifiedCheckpointSummary,
  CheckpointSummary,
  CheckpointContents,
  TransactionData,
  TransactionEffects,
  TransactionEvents,
} = full;

/** A decoded `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>` (with the summary's bytes). */
export type CertifiedCheckpointSummary = typeof CertifiedCheckpointSummary.$inferType;

/** A decoded `CheckpointData` (see the layouts for the shape of each part). */
export type CheckpointData = typeof CheckpointData.$inferType;

/**
 * The raw family (addresses, object ids and digests as views into the input bytes): the layouts
 * of `checkpointLayout`, for indexing. Its parts read a `.binpb.zst` file's BCS fields.
 */
export const rawLayouts = checkpointLayout(rawLeaves);

/** `CheckpointData` with addresses, object ids and digests as views into the input bytes. */
export const RawCheckpointData = rawLayouts.CheckpointData;

/** A decoded `RawCheckpointData`. */
export type RawCheckpointData = typeof RawCheckpointData.$inferType;

/** What the indexer's thread and the certificate-verifying thread (`worker.ts`) say to each other. */

/** A committee the verifying thread may trust: a pinned trust anchor, or one the database holds. */
export interface CommitteeOffer {
  kind: "committee";
  /** BCS `CommitteeBcs` */
  committee: Uint8Array;
}

/** A checkpoint to verify, as its source gave it. */
export interface VerifyRequest {
  kind: "verify";
  sequenceNumber: bigint;
  epoch: bigint;
  /** the checkpoint digest the source gave, base58 */
  digest: string;
  /** BCS `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>` (the checkpoint's proof parts) */
  certifiedSummary: Uint8Array;
}

/** A message to the verifying thread. */
export type ToVerifier = CommitteeOffer | VerifyRequest;

/**
 * Which check refused a checkpoint: `summary` (its certified summary does not decode, or is not
 * that checkpoint's), `committee` (none known for its epoch, or its end-of-epoch data contradicts
 * a trusted one), `certificate` (`verifyCheckpointCertificate` refused it).
 */
export type VerifyCheck = "summary" | "committee" | "certificate";

/** The outcome of a `VerifyRequest`, sent back in request order. */
export type VerifyResult =
  | {
      sequenceNumber: bigint;
      ok: true;
      /** when it was the last of its epoch: the next epoch's committee it names (`CommitteeBcs`) */
      nextCommittee?: { epoch: bigint; committee: Uint8Array };
    }
  | { sequenceNumber: bigint; ok: false; check: VerifyCheck; reason: string };

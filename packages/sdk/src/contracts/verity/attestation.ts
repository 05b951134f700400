/**
 * BCS layouts of `verity::attestation` (move/verity/sources/attestation.move): the signed
 * message, the `Attestation` object and its event.
 */

import type { BcsType } from "@mysten/bcs";
import { bcs } from "@mysten/sui/bcs";
import { Address, BlobId, Bytes, ID } from "./common.ts";

/**
 * Activity kinds, as the `kind: u8` of attestations. A model is generative exactly when its
 * training attestation's kind is `generativeTraining` or `generativeFineTune` (signed, never the
 * submitter's say).
 */
export const AttestationKind = {
  transform: 0,
  training: 1,
  fineTune: 2,
  evaluation: 3,
  inference: 4,
  generativeTraining: 5,
  generativeFineTune: 6,
} as const;

/**
 * The name of each activity kind as the database and the API store and print it, indexed by
 * the `kind: u8` (`ATTESTATION_KIND_NAMES[AttestationKind.fineTune]` is `"fine_tune"`).
 */
export const ATTESTATION_KIND_NAMES = [
  "transform",
  "training",
  "fine_tune",
  "evaluation",
  "inference",
  "generative_training",
  "generative_fine_tune",
] as const;

/** An activity kind's name, one of `ATTESTATION_KIND_NAMES`. */
export type AttestationKindName = (typeof ATTESTATION_KIND_NAMES)[number];

/** `verity::attestation::BlobDigest`: a Walrus blob and the SHA-256 of its content. */
export const BlobDigest = bcs.struct("BlobDigest", {
  /** Walrus blob id (u256) */
  blob_id: BlobId,
  /** SHA-256 of the content, 32 bytes */
  sha256: Bytes,
});

/** `verity::attestation::AttestationPayload`: what an attester states about one activity. */
export const AttestationPayload = bcs.struct("AttestationPayload", {
  kind: bcs.u8(),
  /** objects the activity used */
  inputs: bcs.vector(ID),
  input_blobs: bcs.vector(BlobDigest),
  /** existing objects it produced or judged */
  outputs: bcs.vector(ID),
  output_blobs: bcs.vector(BlobDigest),
  /** SHA-256, 32 bytes */
  payload_digest: Bytes,
});

/**
 * `verity::attestation::AttestationMessage`: who may record a signature under which attester,
 * and the payload.
 */
export const AttestationMessage = bcs.struct("AttestationMessage", {
  /** the `Attester` object id */
  attester: ID,
  /** the only address that may record it */
  submitter: Address,
  payload: AttestationPayload,
});

/** `verity::attestation::IntentMessage<T>`: the signed envelope, as Nautilus's. */
export const IntentMessage = <T, Input>(data: BcsType<T, Input>) =>
  bcs.struct(`IntentMessage<${data.name}>`, {
    intent: bcs.u8(),
    /** ms since the Unix epoch */
    timestamp_ms: bcs.u64(),
    data,
  });

/** `verity::attestation::Attestation`: a recorded attestation (immutable once finalized). */
export const Attestation = bcs.struct("Attestation", {
  id: ID,
  attester: bcs.option(ID),
  /** signed by an enclave attester */
  enclave: bcs.bool(),
  public_key: Bytes,
  signature: Bytes,
  submitter: Address,
  timestamp_ms: bcs.u64(),
  payload: AttestationPayload,
  /** per output blob, whether a dataset or model claimed it */
  claimed: bcs.vector(bcs.bool()),
  finalized: bcs.bool(),
});

/** `verity::attestation::AttestationRecorded`: everything needed to re-verify off chain. */
export const AttestationRecorded = bcs.struct("AttestationRecorded", {
  attestation_id: ID,
  kind: bcs.u8(),
  attester: bcs.option(ID),
  signed: bcs.bool(),
  /** signed by an enclave attester (its key proven by a Nitro document) */
  enclave: bcs.bool(),
  /** ed25519 public key (32 bytes), empty when unsigned */
  public_key: Bytes,
  /** ed25519 signature (64 bytes), empty when unsigned */
  signature: Bytes,
  submitter: Address,
  inputs: bcs.vector(ID),
  input_blobs: bcs.vector(BlobDigest),
  outputs: bcs.vector(ID),
  output_blobs: bcs.vector(BlobDigest),
  payload_digest: Bytes,
  /** signed time of the activity, ms */
  timestamp_ms: bcs.u64(),
  /** chain time when recorded, ms */
  recorded_ms: bcs.u64(),
});

/**
 * PTB builders for `verity::attestation`. `record` and `recordSelf` return the `Attestation`
 * as a PTB result: it backs new objects only in the PTB that records it, so pass it to
 * `dataset.registerDerived` / `registerDerivedVersion` or `model.register` /
 * `registerFineTune` there, then `finalize` it (an `Attestation` cannot be dropped, so every
 * PTB must finalize it).
 */

import { bcs } from "@mysten/sui/bcs";
import type {
  Transaction,
  TransactionArgument,
  TransactionObjectInput,
  TransactionResult,
} from "@mysten/sui/transactions";
import { Bytes } from "../contracts/verity/common.ts";
import type { AttestationPayloadInput } from "../signing.ts";

type Blobs = AttestationPayloadInput["input_blobs"];

/** A payload's blobs as Move takes them: blob ids (u256) and SHA-256s, parallel vectors. */
const blobArguments = (tx: Transaction, blobs: Blobs) => {
  const list = [...blobs];
  return [
    tx.pure.vector(
      "u256",
      list.map((b) => b.blob_id),
    ),
    tx.pure(bcs.vector(Bytes).serialize(list.map((b) => b.sha256))),
  ];
};

/**
 * The payload as `record`'s arguments: kind, inputs, input blob ids, input SHA-256s, outputs,
 * output blob ids, output SHA-256s, payload digest.
 */
const payloadArguments = (tx: Transaction, p: AttestationPayloadInput) => [
  tx.pure.u8(p.kind),
  tx.pure.vector("id", [...p.inputs]),
  ...blobArguments(tx, p.input_blobs),
  tx.pure.vector("id", [...p.outputs]),
  ...blobArguments(tx, p.output_blobs),
  tx.pure.vector("u8", [...p.payload_digest]),
];

/**
 * `attestation::record`: an attestation signed by `attester` (the `Attester` object).
 * `signature` is the 64-byte ed25519 signature from `signAttestation(signer, attesterId,
 * payload, timestampMs)` over this very payload; each blob of the payload is a Walrus blob id
 * (u256) with the 32-byte SHA-256 of its content. The result is the `Attestation`. Aborts on
 * chain with `EStaleTimestamp` (more than an hour old), `EFutureTimestamp` (more than a
 * minute ahead), `attester::ERevoked`, `attester::EInvalidSignature`, `attester::EReplayed`
 * (recorded already), `EInvalidKind` or `EInvalidDigest`.
 *
 * @param timestampMs the signed time, ms since the Unix epoch
 */
export function record(
  tx: Transaction,
  packageId: string,
  attester: TransactionObjectInput,
  payload: AttestationPayloadInput,
  timestampMs: bigint | number,
  signature: Uint8Array,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attestation::record`,
    arguments: [
      tx.object(attester),
      ...payloadArguments(tx, payload),
      tx.pure.u64(timestampMs),
      tx.pure.vector("u8", signature),
      tx.object.clock(),
    ],
  });
}

/**
 * `attestation::record_self`: an unsigned attestation by the sender about its own activity,
 * timestamped by the chain clock and marked `signed: false`; it links only the sender's own
 * datasets and models. It states a transform, training or fine-tune only (no evaluation or
 * inference: `EUnsignedKind`), names no existing objects as outputs (`EUnsignedOutputs`), and
 * must back a dataset or model in this PTB before `finalize` (`EUnsignedUnclaimed`). The
 * result is the `Attestation`.
 */
export function recordSelf(
  tx: Transaction,
  packageId: string,
  payload: AttestationPayloadInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attestation::record_self`,
    arguments: [...payloadArguments(tx, payload), tx.object.clock()],
  });
}

/**
 * `attestation::finalize`: freezes an attestation returned by `record`/`recordSelf`; from then
 * on it backs nothing new. Aborts on chain with `EUnsignedUnclaimed` for a `recordSelf`
 * attestation that backed nothing.
 */
export function finalize(
  tx: Transaction,
  packageId: string,
  attestation: TransactionArgument,
): TransactionResult {
  return tx.moveCall({ target: `${packageId}::attestation::finalize`, arguments: [attestation] });
}

/**
 * PTB builders for `verity::attestation`. `record` and `recordSelf` return the `Attestation`
 * as a PTB result: pass it to `dataset.registerDerived` or `model.register` in the same PTB,
 * then `finalize` it (an `Attestation` cannot be dropped, so every PTB must finalize it).
 */
import type { Transaction, TransactionArgument, TransactionResult } from "@mysten/sui/transactions";
import type { AttestationPayloadInput } from "../signing.ts";

const payloadArguments = (tx: Transaction, p: AttestationPayloadInput) => [
  tx.pure.u8(p.kind),
  tx.pure.vector("id", [...p.inputs]),
  tx.pure.vector("u256", [...p.input_blobs]),
  tx.pure.vector("id", [...p.outputs]),
  tx.pure.vector("u256", [...p.output_blobs]),
  tx.pure.vector("u8", [...p.payload_digest]),
];

/**
 * `attestation::record`: an attestation signed by `attester` (object id). `signature` is the
 * 64-byte ed25519 signature from `signAttestation(signer, payload, timestampMs)`.
 */
export function record(
  tx: Transaction,
  packageId: string,
  attester: string,
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

/** `attestation::record_self`: an unsigned attestation by the sender, marked `signed: false`. */
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

/** `attestation::finalize`: freezes an attestation returned by `record`/`recordSelf`. */
export function finalize(
  tx: Transaction,
  packageId: string,
  attestation: TransactionArgument,
): TransactionResult {
  return tx.moveCall({ target: `${packageId}::attestation::finalize`, arguments: [attestation] });
}

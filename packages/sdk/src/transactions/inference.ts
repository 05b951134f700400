/** PTB builder for `verity::inference`. */
import type {
  Transaction,
  TransactionObjectInput,
  TransactionResult,
} from "@mysten/sui/transactions";

/** One inference: which blobs went in and came out, and the attester's signature. */
export interface InferenceFields {
  /** Walrus blob ids (u256) of the input and the output */
  inputBlobId: bigint | string;
  outputBlobId: bigint | string;
  /** SHA-256 of the input and the output, 32 bytes each */
  inputSha256: Uint8Array;
  outputSha256: Uint8Array;
  /** SHA-256 (32 bytes) of whatever further detail the attester commits to, e.g. the parameters */
  payloadDigest: Uint8Array;
  /** signed time, ms since the Unix epoch */
  timestampMs: bigint | number;
  /**
   * 64-byte ed25519 signature, by `attester`'s key, of `inferencePayload(model, input, output,
   * payloadDigest)` for `attester` (`signAttestation`)
   */
  signature: Uint8Array;
}

/**
 * `inference::record`: records a signed inference of `model` by `attester` (it records and
 * finalizes the inference attestation itself); the result is the `Inference`'s `ID`. Aborts
 * on chain as `attestation::record` does (stale or future timestamp, revoked attester, bad
 * signature, replay, digest not 32 bytes).
 */
export function record(
  tx: Transaction,
  packageId: string,
  model: TransactionObjectInput,
  attester: TransactionObjectInput,
  inference: InferenceFields,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::inference::record`,
    arguments: [
      tx.object(model),
      tx.object(attester),
      tx.pure.u256(inference.inputBlobId),
      tx.pure.vector("u8", inference.inputSha256),
      tx.pure.u256(inference.outputBlobId),
      tx.pure.vector("u8", inference.outputSha256),
      tx.pure.vector("u8", inference.payloadDigest),
      tx.pure.u64(inference.timestampMs),
      tx.pure.vector("u8", inference.signature),
      tx.object.clock(),
    ],
  });
}

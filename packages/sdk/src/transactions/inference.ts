/** PTB builder for `verity::inference`. */
import type { Transaction, TransactionResult } from "@mysten/sui/transactions";

/** One inference: which blobs went in and came out, and the attester's signature. */
export interface InferenceFields {
  /** Walrus blob ids (u256) of the input and the output */
  inputBlobId: bigint | string;
  outputBlobId: bigint | string;
  /** SHA-256 of the input and the output, 32 bytes each */
  inputSha256: Uint8Array;
  outputSha256: Uint8Array;
  /** signed time, ms since the Unix epoch */
  timestampMs: bigint | number;
  /** 64-byte ed25519 signature of the inference payload (see `inferencePayload`) */
  signature: Uint8Array;
}

/** `inference::record`: records a signed inference of `model` by `attester`; the result is its `ID`. */
export function record(
  tx: Transaction,
  packageId: string,
  model: string,
  attester: string,
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
      tx.pure.u64(inference.timestampMs),
      tx.pure.vector("u8", inference.signature),
      tx.object.clock(),
    ],
  });
}

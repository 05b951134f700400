/**
 * PTB builders for `verity::model`. `training` is a training (or fine-tune) attestation: an
 * object id, or a `attestation.record` result in the same PTB.
 */
import type { Transaction, TransactionArgument, TransactionResult } from "@mysten/sui/transactions";

/** A model's weights and description. */
export interface ModelFields {
  name: string;
  /** Walrus blob id of the weights, as a u256 */
  blobId: bigint | string;
  /** SHA-256 of the weights, 32 bytes */
  sha256: Uint8Array;
  /** size of the weights in bytes */
  size: bigint | number;
  architecture: string;
  framework: string;
}

const object = (tx: Transaction, value: string | TransactionArgument) =>
  typeof value === "string" ? tx.object(value) : value;

const fields = (tx: Transaction, m: ModelFields) => [
  tx.pure.string(m.name),
  tx.pure.u256(m.blobId),
  tx.pure.vector("u8", m.sha256),
  tx.pure.u64(m.size),
  tx.pure.string(m.architecture),
  tx.pure.string(m.framework),
  tx.object.clock(),
];

/** `model::register`: a model trained from scratch; the result is its `ID`. */
export function register(
  tx: Transaction,
  packageId: string,
  training: string | TransactionArgument,
  model: ModelFields,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::model::register`,
    arguments: [object(tx, training), ...fields(tx, model)],
  });
}

/** `model::register_fine_tune`: a fine-tune of `base` (model id); the result is its `ID`. */
export function registerFineTune(
  tx: Transaction,
  packageId: string,
  base: string,
  fineTune: string | TransactionArgument,
  model: ModelFields,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::model::register_fine_tune`,
    arguments: [tx.object(base), object(tx, fineTune), ...fields(tx, model)],
  });
}

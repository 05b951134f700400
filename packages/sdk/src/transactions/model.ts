/**
 * PTB builders for `verity::model`. A model is registered in the PTB that records its training
 * (or fine-tune) attestation (`attestation.record` / `recordSelf`), before
 * `attestation.finalize`: `begin` claims the weights among the attestation's output blobs,
 * `add_dataset` proves each training dataset by reference, `finish` freezes the model. Whether
 * the model is generative is the attestation's kind (`AttestationKind.generativeTraining` or
 * `generativeFineTune`), so no builder takes it.
 */
import type {
  Transaction,
  TransactionArgument,
  TransactionObjectInput,
  TransactionResult,
} from "@mysten/sui/transactions";

/** A model's weights and description. */
export interface ModelFields {
  name: string;
  /** Walrus blob id of the weights, as a u256 (decimal string or bigint) */
  blobId: bigint | string;
  /** SHA-256 of the weights, 32 bytes */
  sha256: Uint8Array;
  /** size of the weights in bytes */
  size: bigint | number;
  /** e.g. `logistic-regression`, `llama-3-8b` */
  architecture: string;
  /** e.g. `pytorch-2.4` */
  framework: string;
}

/** One `model::add_dataset` per dataset, then `model::finish`; the result is the model's `ID`. */
function finish(
  tx: Transaction,
  packageId: string,
  builder: TransactionResult,
  datasets: readonly TransactionObjectInput[],
  model: ModelFields,
): TransactionResult {
  for (const dataset of datasets) {
    tx.moveCall({
      target: `${packageId}::model::add_dataset`,
      arguments: [builder, tx.object(dataset)],
    });
  }
  return tx.moveCall({
    target: `${packageId}::model::finish`,
    arguments: [
      builder,
      tx.pure.string(model.name),
      tx.pure.u64(model.size),
      tx.pure.string(model.architecture),
      tx.pure.string(model.framework),
      tx.object.clock(),
    ],
  });
}

/**
 * Registers a model trained from scratch on `datasets` (every input of the attestation), as
 * `training` (an attestation of kind training, or generative training for a generative model,
 * recorded in this PTB, not yet finalized) states: `model::begin(training, blobId, sha256)` +
 * one `add_dataset` per dataset + `finish`. The result is the model's `ID`. Aborts on chain
 * with `EWrongAttestationKind`, when the weights are not an output blob of `training` with
 * that SHA-256, an input is missing, or a dataset's terms do not allow this training
 * (`ETrainingNotAllowed`, and for a generative model `EGenerativeTrainingNotAllowed`);
 * constrained terms are recorded on the model.
 */
export function register(
  tx: Transaction,
  packageId: string,
  training: TransactionArgument,
  datasets: readonly TransactionObjectInput[],
  model: ModelFields,
): TransactionResult {
  const builder = tx.moveCall({
    target: `${packageId}::model::begin`,
    arguments: [training, tx.pure.u256(model.blobId), tx.pure.vector("u8", model.sha256)],
  });
  return finish(tx, packageId, builder, datasets, model);
}

/**
 * Registers a fine-tune of `base` (a `Model`, among the attestation's inputs with its weights
 * among the input blobs) on `datasets`, as `fineTune` (an attestation of kind fine-tune, or
 * generative fine-tune, recorded in this PTB) states: `model::begin_fine_tune(fineTune, base,
 * blobId, sha256)` + one `add_dataset` per dataset + `finish`. The result is the model's `ID`;
 * the model inherits the base's usage constraints (first in its `constraints`). Aborts on
 * chain as `register` does, and with `EBaseNotAttested`, `ENotOwnInput` (unsigned fine-tune of
 * another creator's model) or `EGenerativeFromDiscriminativeBase` (a generative fine-tune of a
 * discriminative base).
 */
export function registerFineTune(
  tx: Transaction,
  packageId: string,
  fineTune: TransactionArgument,
  base: TransactionObjectInput,
  datasets: readonly TransactionObjectInput[],
  model: ModelFields,
): TransactionResult {
  const builder = tx.moveCall({
    target: `${packageId}::model::begin_fine_tune`,
    arguments: [
      fineTune,
      tx.object(base),
      tx.pure.u256(model.blobId),
      tx.pure.vector("u8", model.sha256),
    ],
  });
  return finish(tx, packageId, builder, datasets, model);
}

/** BCS layouts of `verity::model` (move/verity/sources/model.move). */
import { bcs } from "@mysten/sui/bcs";
import { Address, BlobId, Bytes, ID, MoveString } from "./common.ts";

/** `verity::model::UsageConstraint`: the constraints one dataset's terms put on training. */
export const UsageConstraint = bcs.struct("UsageConstraint", {
  dataset: ID,
  constraints: bcs.vector(MoveString),
});

const modelFields = {
  creator: Address,
  name: MoveString,
  /** Walrus blob id of the weights */
  blob_id: BlobId,
  /** SHA-256 of the weights, 32 bytes */
  sha256: Bytes,
  /** bytes */
  size: bcs.u64(),
  architecture: MoveString,
  framework: MoveString,
  /** whether it generates content (its data's `ai_generative_training` terms apply) */
  generative: bcs.bool(),
  base_model: bcs.option(ID),
  /** the training or fine-tune attestation */
  training: ID,
  /** whether that attestation was signed by an attester (false when self-recorded) */
  lineage_signed: bcs.bool(),
  /** datasets it was trained on */
  datasets: bcs.vector(ID),
  /** the constraints its datasets' terms put on it, one entry per constraining dataset */
  constraints: bcs.vector(UsageConstraint),
};

/** `verity::model::Model`: a registered model (immutable object). */
export const Model = bcs.struct("Model", { id: ID, ...modelFields });

/** `verity::model::ModelRegistered` */
export const ModelRegistered = bcs.struct("ModelRegistered", {
  model_id: ID,
  ...modelFields,
  /** ms, from `0x6::clock::Clock` */
  timestamp_ms: bcs.u64(),
});

/** BCS layouts of `verity::model` (move/verity/sources/model.move). */
import { bcs } from "@mysten/sui/bcs";
import { BlobId, Bytes, ID, MoveString } from "./common.ts";

const modelFields = {
  creator: bcs.Address,
  name: MoveString,
  /** Walrus blob id of the weights */
  blob_id: BlobId,
  /** SHA-256 of the weights, 32 bytes */
  sha256: Bytes,
  /** bytes */
  size: bcs.u64(),
  architecture: MoveString,
  framework: MoveString,
  base_model: bcs.option(ID),
  /** the training or fine-tune attestation */
  training: ID,
  /** datasets it was trained on */
  datasets: bcs.vector(ID),
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

/** Events of `verity::model`, by struct name. */
export const events = { ModelRegistered } as const;

/** Objects of `verity::model`, by struct name. */
export const objects = { Model } as const;

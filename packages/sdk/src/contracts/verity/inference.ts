/** BCS layouts of `verity::inference` (move/verity/sources/inference.move). */
import { bcs } from "@mysten/sui/bcs";
import { Address, BlobId, Bytes, ID } from "./common.ts";

/** `verity::inference::Inference`: a recorded inference (immutable object). */
export const Inference = bcs.struct("Inference", {
  id: ID,
  model: ID,
  attestation: ID,
  attester: ID,
  input_blob_id: BlobId,
  input_sha256: Bytes,
  output_blob_id: BlobId,
  output_sha256: Bytes,
  timestamp_ms: bcs.u64(),
});

/** `verity::inference::InferenceRecorded`, emitted after its `AttestationRecorded`. */
export const InferenceRecorded = bcs.struct("InferenceRecorded", {
  inference_id: ID,
  attestation_id: ID,
  model_id: ID,
  attester_id: ID,
  /** signed by an enclave attester */
  enclave: bcs.bool(),
  input_blob_id: BlobId,
  input_sha256: Bytes,
  output_blob_id: BlobId,
  output_sha256: Bytes,
  submitter: Address,
  /** signed time of the inference, ms */
  timestamp_ms: bcs.u64(),
});

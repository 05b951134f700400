/**
 * Rules of the `verity` package the simulated chain checks before it plays a PTB. How an
 * attestation backs a new object: the object's blob is among the attestation's output blobs
 * with the signed SHA-256 (`attestation::claim_output`), and every input of the attestation is
 * proven by an object whose blob and SHA-256 it read (`dataset::add_parent`,
 * `model::add_dataset`, then `finish*`'s count). Whether a model is generative: its training
 * attestation's signed kind says so (`model::begin`). What an unsigned attestation may state
 * (`attestation::record_self`, `finalize`). What an enclave image's measurements may be
 * (`enclave::create_config`).
 */
import { AttestationKind, type AttestationPayloadInput } from "@verity/sdk";
import type { Content } from "./content.ts";

const sameBytes = (a: Iterable<number>, b: Iterable<number>) =>
  Buffer.from([...a]).equals(Buffer.from([...b]));

/**
 * Aborts as the chain would unless `payload` backs a new object stored as `output` whose
 * inputs are `proven` (object id and content, each passed by reference).
 *
 * @throws Error `attestation::EOutputNotAttested`, `attestation::EOutputSha256Mismatch`,
 *   `dataset::EParentNotAttested` / `EParentContentNotAttested` (the model's
 *   `EDatasetNotAttested`) or `EInputsNotProven`
 */
export function assertBacks(
  payload: AttestationPayloadInput,
  output: Content,
  proven: { id: string; content: Content }[],
): void {
  const claimed = [...payload.output_blobs].find((b) => BigInt(b.blob_id) === output.blobIdU256);
  if (!claimed)
    throw new Error("attestation::EOutputNotAttested: the blob is not among the output blobs");
  if (!sameBytes(claimed.sha256, output.sha256))
    throw new Error("attestation::EOutputSha256Mismatch: the sha256 differs from the signed one");
  const inputs = [...payload.inputs];
  for (const { id, content } of proven) {
    if (!inputs.includes(id))
      throw new Error(`EParentNotAttested: ${id} is not among the attestation's inputs`);
    const read = [...payload.input_blobs].some(
      (b) => BigInt(b.blob_id) === content.blobIdU256 && sameBytes(b.sha256, content.sha256),
    );
    if (!read)
      throw new Error(
        `EParentContentNotAttested: the content of ${id} is not among the input blobs`,
      );
  }
  if (new Set(proven.map((p) => p.id)).size !== inputs.length)
    throw new Error("EInputsNotProven: every input of the attestation must be proven by reference");
}

/**
 * Whether the model `model::begin` registers from an attestation of `kind` is generative (its
 * datasets' `ai_generative_training` terms then apply): the signed kind says so, never the
 * submitter.
 *
 * @throws Error `model::EWrongAttestationKind` for a kind other than training or generative
 *   training
 */
export function trainsGenerative(kind: number): boolean {
  if (kind === AttestationKind.generativeTraining) return true;
  if (kind === AttestationKind.training) return false;
  throw new Error("model::EWrongAttestationKind: a model needs a training attestation");
}

/**
 * Aborts as `attestation::record_self` and `attestation::finalize` do unless the unsigned
 * `payload` states neither an evaluation nor an inference, names no existing objects as
 * outputs, and backs a new object in its PTB (`backed`: the content of each one it backs,
 * each checked with `assertBacks`).
 *
 * @throws Error `attestation::EUnsignedKind`, `EUnsignedOutputs` or `EUnsignedUnclaimed`
 */
export function assertSelfRecordable(
  payload: AttestationPayloadInput,
  backed: readonly Content[],
): void {
  if (payload.kind === AttestationKind.evaluation || payload.kind === AttestationKind.inference)
    throw new Error(
      "attestation::EUnsignedKind: an unsigned attestation cannot state an evaluation or an inference",
    );
  if ([...payload.outputs].length > 0)
    throw new Error(
      "attestation::EUnsignedOutputs: an unsigned attestation cannot name existing objects as its outputs",
    );
  if (backed.length === 0)
    throw new Error(
      "attestation::EUnsignedUnclaimed: an unsigned attestation must back an object before it is finalized",
    );
}

/**
 * Aborts as `enclave::create_config` does when PCR0-2 are all zero (a debug-mode enclave's,
 * whose memory its host can read).
 *
 * @throws Error `enclave::EDebugPcrs`
 */
export function assertMeasured(pcrs: readonly Uint8Array[]): void {
  if (pcrs.every((pcr) => pcr.every((byte) => byte === 0)))
    throw new Error("enclave::EDebugPcrs: all-zero PCRs are a debug-mode enclave's");
}

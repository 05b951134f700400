/**
 * How an attestation backs a new object on chain, as the simulated chain checks it before it
 * plays the PTB: the object's blob is among the attestation's output blobs with the signed
 * SHA-256 (`attestation::claim_output`), and every input of the attestation is proven by an
 * object whose blob and SHA-256 it read (`dataset::add_parent`, `model::add_dataset`, then
 * `finish*`'s count).
 */
import type { AttestationPayloadInput } from "@verity/sdk";
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

/**
 * What the `verity` Move code emits, built with the sdk's BCS layouts, and the signed
 * attestations behind `AttestationRecorded`: the pieces the demo's story is made of.
 */
import type { Transaction, TransactionArgument } from "@mysten/sui/transactions";
import {
  type AttestationPayloadInput,
  attestation,
  dataset,
  signAttestation,
  transactions,
} from "@verity/sdk";
import type { EmittedEvent } from "./chain.ts";
import type { Content } from "./content.ts";
import { participants } from "./participants.ts";

/** A `verity` event, as the chain emits it. */
export const emitted = (
  module: string,
  struct: string,
  bcs: { toBytes(): Uint8Array },
  calledModule?: string,
): EmittedEvent => ({ module, struct, contents: bcs.toBytes(), calledModule });

/** Dataset fields for `dataset::register*`, from content. */
export const datasetFields = (name: string, content: Content, license: string, policy: string) => ({
  name,
  blobId: content.blobIdU256,
  sha256: content.sha256,
  size: content.size,
  mediaType: content.mediaType,
  license,
  policy,
});

/** An attestation payload signed by the lab's attester key. */
export interface SignedAttestation {
  payload: AttestationPayloadInput;
  /** the signed time, ms since the Unix epoch */
  signedAtMs: number;
  /** ed25519, 64 bytes */
  signature: Uint8Array;
}

/** Signs `payload` with the lab's attester key, as made at `signedAtMs`. */
export async function signed(
  payload: AttestationPayloadInput,
  signedAtMs: number,
): Promise<SignedAttestation> {
  const signature = await signAttestation(participants.attester, payload, signedAtMs);
  return { payload, signedAtMs, signature };
}

/** The payload of an attestation of `kind` (see `AttestationKind`) with no output objects. */
export function payloadOf(
  kind: number,
  inputs: string[],
  inputBlobs: Content[],
  outputBlobs: Content[],
  digest: Uint8Array,
): AttestationPayloadInput {
  return {
    kind,
    inputs,
    input_blobs: inputBlobs.map((c) => c.blobIdU256),
    outputs: [],
    output_blobs: outputBlobs.map((c) => c.blobIdU256),
    payload_digest: digest,
  };
}

/** `AttestationRecorded` of a signed attestation, as `attestation::record` emits it. */
export function recorded(
  attestationId: string,
  attesterId: string,
  { payload, signedAtMs, signature }: SignedAttestation,
  submitter: string,
  recordedMs: number,
  calledModule?: string,
): EmittedEvent {
  return emitted(
    "attestation",
    "AttestationRecorded",
    attestation.AttestationRecorded.serialize({
      attestation_id: attestationId,
      kind: payload.kind,
      attester: attesterId,
      signed: true,
      public_key: participants.attester.getPublicKey().toRawBytes(),
      signature,
      submitter,
      inputs: payload.inputs,
      input_blobs: payload.input_blobs,
      outputs: payload.outputs,
      output_blobs: payload.output_blobs,
      payload_digest: payload.payload_digest,
      timestamp_ms: signedAtMs,
      recorded_ms: recordedMs,
    }),
    calledModule,
  );
}

/** `attestation::record` of a signed attestation in `tx`; the result is the `Attestation`. */
export function recordAttestation(
  tx: Transaction,
  pkg: string,
  attesterId: string,
  { payload, signedAtMs, signature }: SignedAttestation,
): TransactionArgument {
  return transactions.attestation.record(tx, pkg, attesterId, payload, signedAtMs, signature);
}

/** `DatasetRegistered` of a first registration or a derived dataset (revision 1). */
export function datasetRegistered(
  datasetId: string,
  creator: string,
  fields: ReturnType<typeof datasetFields>,
  parents: string[],
  transform: string | null,
  now: number,
): EmittedEvent {
  return emitted(
    "dataset",
    "DatasetRegistered",
    dataset.DatasetRegistered.serialize({
      dataset_id: datasetId,
      creator,
      name: fields.name,
      blob_id: fields.blobId,
      sha256: fields.sha256,
      size: fields.size,
      media_type: fields.mediaType,
      license: fields.license,
      policy: fields.policy,
      parents,
      transform,
      previous: null,
      revision: 1,
      timestamp_ms: now,
    }),
  );
}

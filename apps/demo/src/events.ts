/**
 * What the `verity` Move code emits, built with the sdk's BCS layouts, and the signed
 * attestations behind `AttestationRecorded`: the pieces the demo's story is made of.
 */
import type { Keypair } from "@mysten/sui/cryptography";
import {
  type AiTermsJson,
  type AttestationPayloadInput,
  attestation,
  attester as attesterLayouts,
  type BlobDigestInput,
  dataset,
  inference,
  model,
  signAttestation,
  termsToBcs,
} from "@verity/sdk";
import type { EmittedEvent } from "./chain.ts";
import type { Content } from "./content.ts";
import { trainsGenerative } from "./rules.ts";
import type { UsageConstraint } from "./terms.ts";

/** A `verity` event, as the chain emits it. */
export const emitted = (
  module: string,
  struct: string,
  bcs: { toBytes(): Uint8Array },
  calledModule?: string,
): EmittedEvent => ({ module, struct, contents: bcs.toBytes(), calledModule });

/** A registered attester: its `Attester` object, and the key that signs for it. */
export interface DemoAttester {
  /** the `Attester` object id */
  id: string;
  name: string;
  /** holds the attester's current key (ed25519) */
  signer: Keypair;
  /** whether its key lives in an enclave (registered from a Nitro document) */
  enclave: boolean;
}

/** A dataset's registered fields, from content (as `dataset::register*` take them). */
export interface DatasetFields {
  name: string;
  content: Content;
  /** SPDX id */
  license: string;
  terms: AiTermsJson;
  /** Seal policy object id */
  policy: string | null;
}

/** A dataset's fields as `transactions.dataset.register*` take them. */
export const registrationOf = ({ name, content, license, terms, policy }: DatasetFields) => ({
  name,
  blobId: content.blobIdU256,
  sha256: content.sha256,
  size: content.size,
  mediaType: content.mediaType,
  license,
  terms,
  policy,
});

/** Where a dataset comes from, as `DatasetRegistered` states it. */
export interface Lineage {
  parents: string[];
  /** the transform attestation */
  transform: string;
  /** whether the transform was signed by an attester (false: self-recorded, claimed) */
  signed: boolean;
}

/** A payload an attester signed for a submitter. */
export interface SignedAttestation {
  attester: DemoAttester;
  /** the only address that may record it */
  submitter: string;
  payload: AttestationPayloadInput;
  /** the signed time, ms since the Unix epoch */
  signedAtMs: number;
  /** ed25519, 64 bytes */
  signature: Uint8Array;
}

/**
 * Signs `payload` as `attester`, for `submitter` to record, over `attestationMessage({
 * attester: attester.id, submitter }, payload, signedAtMs)`.
 */
export async function signed(
  attester: DemoAttester,
  submitter: string,
  payload: AttestationPayloadInput,
  signedAtMs: number,
): Promise<SignedAttestation> {
  const signedFor = { attester: attester.id, submitter };
  const signature = await signAttestation(attester.signer, signedFor, payload, signedAtMs);
  return { attester, submitter, payload, signedAtMs, signature };
}

/** A Walrus blob as payloads carry it: its blob id and the SHA-256 of its content. */
const blobOf = (content: Content) => ({
  blob_id: content.blobIdU256,
  sha256: content.sha256,
});

/** A Walrus blob as `inferencePayload` takes it. */
export const digestOf = (content: Content): BlobDigestInput => ({
  blobId: content.blobIdU256,
  sha256: content.sha256,
});

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
    input_blobs: inputBlobs.map(blobOf),
    outputs: [],
    output_blobs: outputBlobs.map(blobOf),
    payload_digest: digest,
  };
}

/** `AttestationRecorded` of a signed attestation, as `attestation::record` emits it. */
export function recorded(
  attestationId: string,
  { attester, submitter, payload, signedAtMs, signature }: SignedAttestation,
  recordedMs: number,
  calledModule?: string,
): EmittedEvent {
  return attestationRecorded(attestationId, payload, submitter, recordedMs, calledModule, {
    attester: attester.id,
    signed: true,
    enclave: attester.enclave,
    public_key: attester.signer.getPublicKey().toRawBytes(),
    signature,
    timestamp_ms: signedAtMs,
  });
}

/**
 * `AttestationRecorded` of an unsigned attestation `attestation::record_self` recorded at
 * `nowMs` (its timestamp is the chain clock's): no attester, key or signature.
 */
export function recordedSelf(
  attestationId: string,
  payload: AttestationPayloadInput,
  submitter: string,
  nowMs: number,
): EmittedEvent {
  return attestationRecorded(attestationId, payload, submitter, nowMs, undefined, {
    attester: null,
    signed: false,
    enclave: false,
    public_key: [],
    signature: [],
    timestamp_ms: nowMs,
  });
}

type AttestationRecordedInput = Parameters<typeof attestation.AttestationRecorded.serialize>[0];

function attestationRecorded(
  attestationId: string,
  payload: AttestationPayloadInput,
  submitter: string,
  recordedMs: number,
  calledModule: string | undefined,
  authority: Pick<
    AttestationRecordedInput,
    "attester" | "signed" | "enclave" | "public_key" | "signature" | "timestamp_ms"
  >,
): EmittedEvent {
  return emitted(
    "attestation",
    "AttestationRecorded",
    attestation.AttestationRecorded.serialize({
      attestation_id: attestationId,
      kind: payload.kind,
      attester: authority.attester,
      signed: authority.signed,
      enclave: authority.enclave,
      public_key: authority.public_key,
      signature: authority.signature,
      submitter,
      inputs: payload.inputs,
      input_blobs: payload.input_blobs,
      outputs: payload.outputs,
      output_blobs: payload.output_blobs,
      payload_digest: payload.payload_digest,
      timestamp_ms: authority.timestamp_ms,
      recorded_ms: recordedMs,
    }),
    calledModule,
  );
}

/**
 * `DatasetRegistered` of a first registration (no lineage) or a derived dataset, revision 1,
 * as `dataset::register` and `dataset::finish_derived` emit it.
 */
export function datasetRegistered(
  datasetId: string,
  creator: string,
  fields: DatasetFields,
  lineage: Lineage | null,
  now: number,
): EmittedEvent {
  return emitted(
    "dataset",
    "DatasetRegistered",
    dataset.DatasetRegistered.serialize({
      dataset_id: datasetId,
      creator,
      name: fields.name,
      blob_id: fields.content.blobIdU256,
      sha256: fields.content.sha256,
      size: fields.content.size,
      media_type: fields.content.mediaType,
      license: fields.license,
      terms: termsToBcs(fields.terms),
      policy: fields.policy,
      parents: lineage?.parents ?? [],
      transform: lineage?.transform ?? null,
      lineage_signed: lineage?.signed ?? false,
      previous: null,
      revision: 1,
      timestamp_ms: now,
    }),
  );
}

/** A model's registered fields (as `model::begin` and `model::finish` take them). */
export interface ModelFields {
  name: string;
  weights: Content;
  architecture: string;
  framework: string;
}

/**
 * `ModelRegistered` of a model trained from scratch, as `model::finish` emits it: `training`
 * is its training attestation (whose `kind` says whether the model is generative,
 * `trainsGenerative`), `datasets` the datasets it proved, `constraints` what their terms put
 * on it (`usageConstraint`).
 *
 * @throws Error `model::EWrongAttestationKind` when `training.kind` is no training kind
 */
export function modelRegistered(
  modelId: string,
  creator: string,
  fields: ModelFields,
  training: { id: string; signed: boolean; kind: number },
  datasets: string[],
  constraints: UsageConstraint[],
  now: number,
): EmittedEvent {
  return emitted(
    "model",
    "ModelRegistered",
    model.ModelRegistered.serialize({
      model_id: modelId,
      creator,
      name: fields.name,
      blob_id: fields.weights.blobIdU256,
      sha256: fields.weights.sha256,
      size: fields.weights.size,
      architecture: fields.architecture,
      framework: fields.framework,
      generative: trainsGenerative(training.kind),
      base_model: null,
      training: training.id,
      lineage_signed: training.signed,
      datasets,
      constraints,
      timestamp_ms: now,
    }),
  );
}

/**
 * `AttesterRegistered` as `attester::register` (a plain key, `enclaveOf` null) or
 * `enclave::register` (an enclave key, with its configuration and PCRs) emits it;
 * `calledModule` is the module the PTB called.
 */
export function attesterRegistered(
  attesterId: string,
  name: string,
  publicKey: Uint8Array,
  enclaveOf: { configId: string; pcrs: Uint8Array[] } | null,
  registrant: string,
  now: number,
  calledModule?: string,
): EmittedEvent {
  return emitted(
    "attester",
    "AttesterRegistered",
    attesterLayouts.AttesterRegistered.serialize({
      attester_id: attesterId,
      name,
      public_key: publicKey,
      enclave_config: enclaveOf?.configId ?? null,
      pcrs: enclaveOf?.pcrs ?? [],
      registrant,
      timestamp_ms: now,
    }),
    calledModule,
  );
}

/**
 * `InferenceRecorded` of the inference `inferenceId` of `modelId`, with its signed attestation
 * `attestationId`, as `inference::record` emits it (after the attestation's event).
 */
export function inferenceRecorded(
  inferenceId: string,
  attestationId: string,
  modelId: string,
  { input, output }: { input: Content; output: Content },
  { attester, submitter, signedAtMs }: SignedAttestation,
): EmittedEvent {
  return emitted(
    "inference",
    "InferenceRecorded",
    inference.InferenceRecorded.serialize({
      inference_id: inferenceId,
      attestation_id: attestationId,
      model_id: modelId,
      attester_id: attester.id,
      enclave: attester.enclave,
      input_blob_id: input.blobIdU256,
      input_sha256: input.sha256,
      output_blob_id: output.blobIdU256,
      output_sha256: output.sha256,
      submitter,
      timestamp_ms: signedAtMs,
    }),
  );
}

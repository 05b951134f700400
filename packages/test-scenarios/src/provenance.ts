/**
 * A synthetic provenance history, encoded with the sdk's BCS layouts (those the golden vectors
 * prove equal to Move's): an enclave config and one enclave attester registered against it,
 * then one "story" per checkpoint: a raw dataset under terms for AI use; a transform and the
 * derived dataset (signed by the enclave, except every third story's, which is self-recorded);
 * a signed training and the model (generative in every fourth story, whose training is then of
 * kind generative training, as on chain), constrained by its
 * dataset's terms in odd stories; a signed inference. Every 10th story tightens its raw
 * dataset's terms, then retracts it. Deterministic. Test and benchmark tooling.
 */

import { toHex } from "@mysten/bcs";
import { blake2b } from "@noble/hashes/blake2.js";
import type { Checkpoint, CheckpointEvent } from "@verity/checkpoints";
import {
  type AiTermsJson,
  AttestationKind,
  attestation,
  attester,
  dataset,
  enclave,
  inference,
  model,
  type PermissionJson,
  termsToBcs,
} from "@verity/sdk";
import { checkpoint, event } from "./checkpoints.ts";

/** Rows and edges one story adds (see the table on `edges` in packages/db). */
export const PER_STORY = {
  datasets: 2,
  attestations: 3,
  models: 1,
  inferences: 1,
  edges: 27,
} as const;

const id = (...parts: (string | number)[]) =>
  `0x${toHex(blake2b(new TextEncoder().encode(parts.join("/")), { dkLen: 32 }))}`;
const u256 = (...parts: (string | number)[]) => BigInt(id("blob", ...parts));
const bytes32 = (...parts: (string | number)[]) =>
  Array.from(blake2b(new TextEncoder().encode(parts.join("/")), { dkLen: 32 }));
/** A Walrus blob and the SHA-256 of its content, as `attestation::BlobDigest`. */
const blobDigest = (...parts: (string | number)[]) => ({
  blob_id: u256(...parts),
  sha256: bytes32(...parts),
});

/** The address that registers every dataset and model of the scenario. */
export const CREATOR = id("creator");
/** The scenario's enclave attester (registered in its first checkpoint), which signs its attestations. */
export const ATTESTER = id("attester");
/** The enclave config of the scenario's attester (created in its first checkpoint). */
export const ENCLAVE_CONFIG = id("enclave-config");
/** PCR0-2 of the enclave image (48 bytes each). */
const PCRS = [1, 2, 3].map((n) => Array<number>(48).fill(n));

const allowed: PermissionJson = { use: "allowed", constraints: [] };
const constrained = (...constraints: string[]): PermissionJson => ({
  use: "constrained",
  constraints,
});

/**
 * The terms of story `i`'s raw dataset (and of the dataset derived from it): every use allowed
 * in even stories; in odd ones, training under attribution, generative training also without
 * style imitation.
 */
export function rawTerms(i: number): AiTermsJson {
  return i % 2 === 0
    ? {
        ai_training: allowed,
        ai_generative_training: allowed,
        ai_inference: allowed,
        data_mining: allowed,
      }
    : {
        ai_training: constrained("attribution"),
        ai_generative_training: constrained("attribution", "no style imitation"),
        ai_inference: allowed,
        data_mining: allowed,
      };
}

/** The terms every 10th story tightens its raw dataset's to: no data mining. */
export function tightenedTerms(i: number): AiTermsJson {
  return { ...rawTerms(i), data_mining: { use: "notAllowed", constraints: [] } };
}

/** Whether story `i`'s transform is self-recorded (unsigned) rather than signed by the enclave. */
export const selfRecorded = (i: number) => i % 3 === 1;

/** Whether story `i`'s model is generative. */
export const generative = (i: number) => i % 4 === 3;

/** The constraints `model::add_dataset` records for training on a dataset under `terms`. */
function usageConstraints(terms: AiTermsJson, isGenerative: boolean): string[] {
  const all = [...terms.ai_training.constraints];
  if (isGenerative) {
    for (const c of terms.ai_generative_training.constraints) if (!all.includes(c)) all.push(c);
  }
  return all;
}

/** The object ids of story `i`. */
export function storyIds(i: number) {
  return {
    raw: id("raw", i),
    derived: id("derived", i),
    transform: id("transform", i),
    training: id("training", i),
    model: id("model", i),
    inferenceAttestation: id("inference-attestation", i),
    inference: id("inference", i),
  };
}

/** The Walrus blob id (u256) of story `i`'s blob `name` (`raw`, `derived`, `weights`, ...). */
export const storyBlob = (name: string, i: number): bigint => u256(name, i);

/** The SHA-256 (hex) of story `i`'s blob `name` (`raw`, `derived`, `weights`, `input`, `output`). */
export const storySha256 = (name: string, i: number) => toHex(Uint8Array.from(bytes32(name, i)));

/** The events of story `i`, grouped by transaction. */
function story(pkg: string, i: number, timestampMs: number): CheckpointEvent[][] {
  const e = (module: string, struct: string, bcs: { toBytes(): Uint8Array }) =>
    event(pkg, module, struct, bcs.toBytes(), CREATOR);
  const {
    raw,
    derived,
    transform,
    training,
    model: trained,
    inferenceAttestation,
    inference: inferenceId,
  } = storyIds(i);
  const terms = rawTerms(i);
  const common = {
    creator: CREATOR,
    media_type: "text/csv",
    license: "CC-BY-4.0",
    terms: termsToBcs(terms),
    policy: null,
    previous: null,
    revision: 1,
    timestamp_ms: timestampMs,
  };
  const recorded = (
    attestationId: string,
    kind: number,
    inputs: string[],
    inputBlobs: { blob_id: bigint; sha256: number[] }[],
    outputBlobs: { blob_id: bigint; sha256: number[] }[],
    signed = true,
  ) =>
    e(
      "attestation",
      "AttestationRecorded",
      attestation.AttestationRecorded.serialize({
        attestation_id: attestationId,
        kind,
        attester: signed ? ATTESTER : null,
        signed,
        enclave: signed,
        public_key: signed ? bytes32("key") : [],
        signature: signed
          ? [...bytes32("sig", attestationId), ...bytes32("sig2", attestationId)]
          : [],
        submitter: CREATOR,
        inputs,
        input_blobs: inputBlobs,
        outputs: [],
        output_blobs: outputBlobs,
        payload_digest: bytes32("digest", attestationId),
        timestamp_ms: timestampMs,
        recorded_ms: timestampMs,
      }),
    );
  const signedTransform = !selfRecorded(i);
  const txs: CheckpointEvent[][] = [
    [
      e(
        "dataset",
        "DatasetRegistered",
        dataset.DatasetRegistered.serialize({
          ...common,
          dataset_id: raw,
          name: `raw-${i}`,
          blob_id: u256("raw", i),
          sha256: bytes32("raw", i),
          size: 1000 + i,
          parents: [],
          transform: null,
          lineage_signed: false,
        }),
      ),
    ],
    [
      recorded(
        transform,
        AttestationKind.transform,
        [raw],
        [blobDigest("raw", i)],
        [blobDigest("derived", i)],
        signedTransform,
      ),
      e(
        "dataset",
        "DatasetRegistered",
        dataset.DatasetRegistered.serialize({
          ...common,
          dataset_id: derived,
          name: `clean-${i}`,
          blob_id: u256("derived", i),
          sha256: bytes32("derived", i),
          size: 900 + i,
          parents: [raw],
          transform,
          lineage_signed: signedTransform,
        }),
      ),
    ],
    [
      recorded(
        training,
        generative(i) ? AttestationKind.generativeTraining : AttestationKind.training,
        [derived],
        [blobDigest("derived", i)],
        [blobDigest("weights", i)],
      ),
      e(
        "model",
        "ModelRegistered",
        model.ModelRegistered.serialize({
          model_id: trained,
          creator: CREATOR,
          name: `model-${i}`,
          blob_id: u256("weights", i),
          sha256: bytes32("weights", i),
          size: 4096,
          architecture: "logistic-regression",
          framework: "verity",
          generative: generative(i),
          base_model: null,
          training,
          lineage_signed: true,
          datasets: [derived],
          constraints:
            i % 2 === 1
              ? [{ dataset: derived, constraints: usageConstraints(terms, generative(i)) }]
              : [],
          timestamp_ms: timestampMs,
        }),
      ),
    ],
    [
      recorded(
        inferenceAttestation,
        AttestationKind.inference,
        [trained],
        [blobDigest("input", i)],
        [blobDigest("output", i)],
      ),
      e(
        "inference",
        "InferenceRecorded",
        inference.InferenceRecorded.serialize({
          inference_id: inferenceId,
          attestation_id: inferenceAttestation,
          model_id: trained,
          attester_id: ATTESTER,
          enclave: true,
          input_blob_id: u256("input", i),
          input_sha256: bytes32("input", i),
          output_blob_id: u256("output", i),
          output_sha256: bytes32("output", i),
          submitter: CREATOR,
          timestamp_ms: timestampMs,
        }),
      ),
    ],
  ];
  if (i % 10 === 9) {
    txs.push(
      [
        e(
          "dataset",
          "DatasetTermsSet",
          dataset.DatasetTermsSet.serialize({
            dataset_id: raw,
            terms: termsToBcs(tightenedTerms(i)),
            creator: CREATOR,
            timestamp_ms: timestampMs,
          }),
        ),
      ],
      [
        e(
          "dataset",
          "DatasetRetracted",
          dataset.DatasetRetracted.serialize({
            dataset_id: raw,
            creator: CREATOR,
            reason: "consent withdrawn",
            timestamp_ms: timestampMs,
          }),
        ),
      ],
    );
  }
  return txs;
}

/**
 * `stories` checkpoints from sequence number `first`, one story each; the first checkpoint also
 * creates the enclave config and registers the attester against it.
 *
 * @param pkg the `verity` package id the events claim to come from
 */
export function provenanceScenario(pkg: string, stories: number, first = 1000): Checkpoint[] {
  return Array.from({ length: stories }, (_, i) => {
    const sequence = first + i;
    const timestampMs = 1_700_000_000_000 + i * 1000;
    const txs = story(pkg, i, timestampMs);
    if (i === 0) {
      const created = enclave.EnclaveConfigCreated.serialize({
        config_id: ENCLAVE_CONFIG,
        name: "verity-enclave",
        pcrs: PCRS,
        admin: CREATOR,
        timestamp_ms: timestampMs,
      });
      const registered = attester.AttesterRegistered.serialize({
        attester_id: ATTESTER,
        name: "ci",
        public_key: bytes32("key"),
        enclave_config: ENCLAVE_CONFIG,
        pcrs: PCRS,
        registrant: CREATOR,
        timestamp_ms: timestampMs,
      });
      txs.unshift(
        [event(pkg, "enclave", "EnclaveConfigCreated", created.toBytes(), CREATOR)],
        [event(pkg, "attester", "AttesterRegistered", registered.toBytes(), CREATOR)],
      );
    }
    return checkpoint(sequence, txs, timestampMs);
  });
}

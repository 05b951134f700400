/**
 * A synthetic provenance history, encoded with the sdk's BCS layouts (those the golden vectors
 * prove equal to Move's): one attester, then one "story" per checkpoint: a raw dataset; a
 * signed transform and the derived dataset; a signed training and the model; a signed
 * inference. Every 10th story retracts its raw dataset. Deterministic. Test and benchmark
 * tooling.
 */

import { toHex } from "@mysten/bcs";
import { blake2b } from "@noble/hashes/blake2.js";
import { attestation, attester, dataset, inference, model } from "@verity/sdk";
import type { Checkpoint, CheckpointEvent } from "../../src/checkpoint.ts";
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

const CREATOR = id("creator");
const ATTESTER = id("attester");

/** The events of story `i`, grouped by transaction. */
function story(pkg: string, i: number, timestampMs: number): CheckpointEvent[][] {
  const e = (module: string, struct: string, bcs: { toBytes(): Uint8Array }) =>
    event(pkg, module, struct, bcs.toBytes(), CREATOR);
  const raw = id("raw", i);
  const derived = id("derived", i);
  const transform = id("transform", i);
  const training = id("training", i);
  const trained = id("model", i);
  const inferenceAttestation = id("inference-attestation", i);
  const common = {
    creator: CREATOR,
    media_type: "text/csv",
    license: "CC-BY-4.0",
    policy: null,
    previous: null,
    revision: 1,
    timestamp_ms: timestampMs,
  };
  const signed = (
    attestationId: string,
    kind: number,
    inputs: string[],
    inputBlobs: bigint[],
    outputBlobs: bigint[],
  ) =>
    e(
      "attestation",
      "AttestationRecorded",
      attestation.AttestationRecorded.serialize({
        attestation_id: attestationId,
        kind,
        attester: ATTESTER,
        signed: true,
        public_key: bytes32("key"),
        signature: [...bytes32("sig", attestationId), ...bytes32("sig2", attestationId)],
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
        }),
      ),
    ],
    [
      signed(transform, 0, [raw], [u256("raw", i)], [u256("derived", i)]),
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
        }),
      ),
    ],
    [
      signed(training, 1, [derived], [u256("derived", i)], [u256("weights", i)]),
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
          base_model: null,
          training,
          datasets: [derived],
          timestamp_ms: timestampMs,
        }),
      ),
      signed(inferenceAttestation, 4, [trained], [u256("input", i)], [u256("output", i)]),
      e(
        "inference",
        "InferenceRecorded",
        inference.InferenceRecorded.serialize({
          inference_id: id("inference", i),
          attestation_id: inferenceAttestation,
          model_id: trained,
          attester_id: ATTESTER,
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
    txs.push([
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
    ]);
  }
  return txs;
}

/**
 * `stories` checkpoints from sequence number `first`, one story each; the first checkpoint also
 * registers the attester.
 *
 * @param pkg the `verity` package id the events claim to come from
 */
export function provenanceScenario(pkg: string, stories: number, first = 1000): Checkpoint[] {
  return Array.from({ length: stories }, (_, i) => {
    const sequence = first + i;
    const timestampMs = 1_700_000_000_000 + i * 1000;
    const txs = story(pkg, i, timestampMs);
    if (i === 0) {
      const registered = attester.AttesterRegistered.serialize({
        attester_id: ATTESTER,
        name: "ci",
        public_key: bytes32("key"),
        pcrs: [],
        admin: CREATOR,
        timestamp_ms: timestampMs,
      });
      txs.unshift([event(pkg, "attester", "AttesterRegistered", registered.toBytes(), CREATOR)]);
    }
    return checkpoint(sequence, txs, timestampMs);
  });
}

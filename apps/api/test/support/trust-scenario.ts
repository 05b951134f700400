/**
 * A small provenance history for what the API and the explorer say about trust, encoded with
 * the sdk's BCS layouts (test tooling). One checkpoint: a raw dataset with strict terms (AI
 * training constrained to non-commercial use, generative training not allowed); a cleaned
 * dataset derived from it by a transform its creator recorded unsigned (claimed lineage); an
 * enclave config and an enclave attester of it; a dataset derived from the cleaned one by a
 * transform the enclave signed; a model trained on the raw dataset, its training signed by the
 * enclave, carrying the raw dataset's constraint; last, the admin retires the enclave config
 * (its attester stays: it is not revoked).
 */
import { normalizeSuiAddress } from "@mysten/sui/utils";
import type { Checkpoint } from "@verity/checkpoints";
import { type Processor, provenanceProcessor } from "@verity/indexer";
import { attestation, attester, dataset, enclave, model } from "@verity/sdk";
import { checkpoint, event } from "@verity/test-scenarios";

/** The `verity` package id the scenario's events claim to come from. */
export const TRUST_PACKAGE = normalizeSuiAddress("0x7a5");
const PKG = TRUST_PACKAGE;
const CREATOR = normalizeSuiAddress("0xc4");
const T = 1_700_000_500_000;

/** The ids of the scenario's objects. */
export const TRUST = {
  raw: normalizeSuiAddress("0x7d1"),
  claimed: normalizeSuiAddress("0x7d2"),
  enclaveSigned: normalizeSuiAddress("0x7d3"),
  model: normalizeSuiAddress("0x7e1"),
  /** the transform recorded unsigned, and the ones the enclave signed */
  claimedTransform: normalizeSuiAddress("0x7a1"),
  signedTransform: normalizeSuiAddress("0x7a2"),
  training: normalizeSuiAddress("0x7a3"),
  enclaveConfig: normalizeSuiAddress("0x7ec"),
  /** when the admin retired the enclave config, ms */
  enclaveConfigRetiredMs: T + 60_000,
  enclaveAttester: normalizeSuiAddress("0x7ea"),
  /** `[PCR0, PCR1, PCR2]`, 48 bytes each */
  pcrs: [1, 2, 3].map((i) => new Uint8Array(48).fill(i)),
  /** the raw dataset's AI training constraint */
  constraint: "non-commercial",
};

/** The pipeline that indexes the scenario. */
export const trustProcessors = (): Processor[] => [
  provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
];

const e = (module: string, struct: string, bcs: { toBytes(): Uint8Array }) =>
  event(PKG, module, struct, bcs.toBytes(), CREATOR);
const bytes32 = (fill: number) => new Uint8Array(32).fill(fill);
const blob = (n: number) => ({ blob_id: BigInt(n) << 200n, sha256: bytes32(n) });
const allowed = { Allowed: true };
const ALLOW_ALL = {
  ai_training: allowed,
  ai_generative_training: allowed,
  ai_inference: allowed,
  data_mining: allowed,
};

/** A `DatasetRegistered` of dataset `id` stored as `blob(n)`. */
const registered = (
  id: string,
  n: number,
  derived: { parent: string; transform: string; signed: boolean } | null,
  terms: Parameters<typeof dataset.DatasetRegistered.serialize>[0]["terms"] = ALLOW_ALL,
) =>
  e(
    "dataset",
    "DatasetRegistered",
    dataset.DatasetRegistered.serialize({
      dataset_id: id,
      creator: CREATOR,
      name: `trust-${n}`,
      blob_id: blob(n).blob_id,
      sha256: blob(n).sha256,
      size: 100 * n,
      media_type: "text/csv",
      license: "CC-BY-4.0",
      terms,
      policy: null,
      parents: derived ? [derived.parent] : [],
      transform: derived?.transform ?? null,
      lineage_signed: derived?.signed ?? false,
      previous: null,
      revision: 1,
      timestamp_ms: T,
    }),
  );

/**
 * An `AttestationRecorded` of kind `kind`, signed by the enclave attester or recorded unsigned,
 * reading `input` stored as `blob(inputBlob)` and writing `blob(out)`.
 */
const recorded = (
  id: string,
  kind: number,
  signed: boolean,
  input: string,
  inputBlob: number,
  out: number,
) =>
  e(
    "attestation",
    "AttestationRecorded",
    attestation.AttestationRecorded.serialize({
      attestation_id: id,
      kind,
      attester: signed ? TRUST.enclaveAttester : null,
      signed,
      enclave: signed,
      public_key: signed ? bytes32(0xee) : [],
      signature: signed ? new Uint8Array(64).fill(0x51) : [],
      submitter: CREATOR,
      inputs: [input],
      input_blobs: [blob(inputBlob)],
      outputs: [],
      output_blobs: [blob(out)],
      payload_digest: bytes32(0xd0 + kind),
      timestamp_ms: T,
      recorded_ms: T,
    }),
  );

/** The scenario's one checkpoint, sequence number `sequence`. */
export function trustScenario(sequence: number): Checkpoint[] {
  return [
    checkpoint(
      sequence,
      [
        [
          registered(TRUST.raw, 1, null, {
            ...ALLOW_ALL,
            ai_training: { Constrained: [TRUST.constraint] },
            ai_generative_training: { NotAllowed: true },
          }),
        ],
        [
          recorded(TRUST.claimedTransform, 0, false, TRUST.raw, 1, 2),
          registered(TRUST.claimed, 2, {
            parent: TRUST.raw,
            transform: TRUST.claimedTransform,
            signed: false,
          }),
        ],
        [
          e(
            "enclave",
            "EnclaveConfigCreated",
            enclave.EnclaveConfigCreated.serialize({
              config_id: TRUST.enclaveConfig,
              name: "trust-image",
              pcrs: TRUST.pcrs,
              admin: CREATOR,
              timestamp_ms: T,
            }),
          ),
          e(
            "attester",
            "AttesterRegistered",
            attester.AttesterRegistered.serialize({
              attester_id: TRUST.enclaveAttester,
              name: "trust-enclave",
              public_key: bytes32(0xee),
              enclave_config: TRUST.enclaveConfig,
              pcrs: TRUST.pcrs,
              registrant: CREATOR,
              timestamp_ms: T,
            }),
          ),
        ],
        [
          recorded(TRUST.signedTransform, 0, true, TRUST.claimed, 2, 3),
          registered(TRUST.enclaveSigned, 3, {
            parent: TRUST.claimed,
            transform: TRUST.signedTransform,
            signed: true,
          }),
        ],
        [
          recorded(TRUST.training, 1, true, TRUST.raw, 1, 4),
          e(
            "model",
            "ModelRegistered",
            model.ModelRegistered.serialize({
              model_id: TRUST.model,
              creator: CREATOR,
              name: "trust-model",
              blob_id: blob(4).blob_id,
              sha256: blob(4).sha256,
              size: 4096,
              architecture: "logistic-regression",
              framework: "verity",
              generative: false,
              base_model: null,
              training: TRUST.training,
              lineage_signed: true,
              datasets: [TRUST.raw],
              constraints: [{ dataset: TRUST.raw, constraints: [TRUST.constraint] }],
              timestamp_ms: T,
            }),
          ),
        ],
        [
          e(
            "enclave",
            "EnclaveConfigRetired",
            enclave.EnclaveConfigRetired.serialize({
              config_id: TRUST.enclaveConfig,
              admin: CREATOR,
              timestamp_ms: TRUST.enclaveConfigRetiredMs,
            }),
          ),
        ],
      ],
      T,
    ),
  ];
}

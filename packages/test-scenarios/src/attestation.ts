/**
 * A provenance history for verification, encoded with the sdk's BCS layouts and signed with
 * real Ed25519 keys (`signAttestation`), shared by the API's and the CLI's verify tests (test
 * tooling). Checkpoint 10 registers an attester (key `oldKey`), an enclave config and an
 * enclave attester of it, and a dataset stored as some content; 11 records a good, a tampered,
 * an unsigned, a blob-swapped, a front-run and an enclave-signed attestation; 12 rotates the key
 * to `newKey`; 13 records one signed with the new key and one still signed with the old.
 */
import { Ed25519Keypair } from "@mysten/sui/keypairs/ed25519";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { blobIdToInt } from "@mysten/walrus";
import type { Checkpoint } from "@verity/checkpoints";
import {
  type AttestationPayloadInput,
  attestation,
  attester,
  dataset,
  enclave,
  signAttestation,
} from "@verity/sdk";
import { checkpoint, event } from "./checkpoints.ts";

/** The Verity package id the scenario's events come from. */
export const ATTESTATION_SCENARIO_PACKAGE = normalizeSuiAddress("0xa92");
const PKG = ATTESTATION_SCENARIO_PACKAGE;
const ADMIN = normalizeSuiAddress("0xad");
const ATTESTER = normalizeSuiAddress("0xa77");
/** Whom the plain-key attester signs for: itself, recorded by `ADMIN`. */
const FOR_ADMIN = { attester: ATTESTER, submitter: ADMIN };
/** The enclave attester and its enclave config. */
export const ENCLAVE = {
  attesterId: normalizeSuiAddress("0xe77"),
  configId: normalizeSuiAddress("0xec0"),
  pcrs: [0, 1, 2].map((i) => new Uint8Array(48).fill(i + 1)),
};
const T = 1_700_000_000_000;

/** The dataset registered as the content, and its name. */
export const DATASET = { id: normalizeSuiAddress("0xd1"), name: "random-1000" };

/** The attestations recorded, by what they exercise. */
export const ATTESTATIONS = {
  /** signed by the key in force */
  good: normalizeSuiAddress("0xa1"),
  /** signed by the key in force, one bit of the signature flipped */
  tampered: normalizeSuiAddress("0xa2"),
  /** signed by the rotated key, after the rotation */
  rotated: normalizeSuiAddress("0xa3"),
  /** signed by the old key, after the rotation */
  stale: normalizeSuiAddress("0xa4"),
  /** recorded unsigned */
  unsigned: normalizeSuiAddress("0xa5"),
  /** signed by the key in force, but recorded with another SHA-256 for its output blob */
  swapped: normalizeSuiAddress("0xa6"),
  /** signed by the enclave attester */
  enclave: normalizeSuiAddress("0xa7"),
  /** signed for `ADMIN` to record, recorded by another address */
  frontRun: normalizeSuiAddress("0xa8"),
};

const e = (module: string, struct: string, bcs: { toBytes(): Uint8Array }) =>
  event(PKG, module, struct, bcs.toBytes(), ADMIN);

const payload = (digestByte: number, outputSha256 = 0xb2): AttestationPayloadInput => ({
  kind: 0,
  inputs: [DATASET.id],
  input_blobs: [{ blob_id: 12345n, sha256: new Uint8Array(32).fill(0xb1) }],
  outputs: [],
  output_blobs: [{ blob_id: 67890n, sha256: new Uint8Array(32).fill(outputSha256) }],
  payload_digest: new Uint8Array(32).fill(digestByte),
});

/** Who signed a recorded attestation: the attester and whether it is an enclave; none when unsigned. */
type Signer = { attesterId: string; enclave: boolean } | null;
const KEY: Signer = { attesterId: ATTESTER, enclave: false };

/** An `AttestationRecorded` of `payload`, by `signer`, claiming `publicKey` and carrying `signature`. */
const recorded = (
  attestationId: string,
  p: AttestationPayloadInput,
  publicKey: Uint8Array,
  signature: Uint8Array,
  signer: Signer = KEY,
  submitter = ADMIN,
) =>
  e(
    "attestation",
    "AttestationRecorded",
    attestation.AttestationRecorded.serialize({
      attestation_id: attestationId,
      kind: p.kind,
      attester: signer?.attesterId ?? null,
      signed: signer !== null,
      enclave: signer?.enclave ?? false,
      public_key: publicKey,
      signature,
      submitter,
      inputs: p.inputs,
      input_blobs: p.input_blobs,
      outputs: p.outputs,
      output_blobs: p.output_blobs,
      payload_digest: p.payload_digest,
      timestamp_ms: T,
      recorded_ms: T,
    }),
  );

/**
 * The scenario's checkpoints 10..13, its dataset stored as content of Walrus blob id
 * `contentBlobId` (URL-safe base64) and `contentSize` bytes; fresh keys on every call.
 */
export async function attestationScenario(
  contentBlobId: string,
  contentSize: number,
): Promise<Checkpoint[]> {
  const oldKey = Ed25519Keypair.generate();
  const newKey = Ed25519Keypair.generate();
  const enclaveKey = Ed25519Keypair.generate();
  const oldPk = oldKey.getPublicKey().toRawBytes();
  const newPk = newKey.getPublicKey().toRawBytes();
  const enclavePk = enclaveKey.getPublicKey().toRawBytes();
  const good = await signAttestation(oldKey, FOR_ADMIN, payload(1), T);
  const tampered = Uint8Array.from(await signAttestation(oldKey, FOR_ADMIN, payload(2), T));
  tampered[5]! ^= 1;
  const swapped = await signAttestation(oldKey, FOR_ADMIN, payload(5), T);
  const frontRun = await signAttestation(oldKey, FOR_ADMIN, payload(7), T);
  const byEnclave = await signAttestation(
    enclaveKey,
    { attester: ENCLAVE.attesterId, submitter: ADMIN },
    payload(6),
    T,
  );
  const allowed = { Allowed: true };
  return [
    checkpoint(10, [
      [
        e(
          "attester",
          "AttesterRegistered",
          attester.AttesterRegistered.serialize({
            attester_id: ATTESTER,
            name: "ci",
            public_key: oldPk,
            enclave_config: null,
            pcrs: [],
            registrant: ADMIN,
            timestamp_ms: T,
          }),
        ),
      ],
      [
        e(
          "enclave",
          "EnclaveConfigCreated",
          enclave.EnclaveConfigCreated.serialize({
            config_id: ENCLAVE.configId,
            name: "ci-enclave",
            pcrs: ENCLAVE.pcrs,
            admin: ADMIN,
            timestamp_ms: T,
          }),
        ),
      ],
      [
        e(
          "attester",
          "AttesterRegistered",
          attester.AttesterRegistered.serialize({
            attester_id: ENCLAVE.attesterId,
            name: "ci-enclave",
            public_key: enclavePk,
            enclave_config: ENCLAVE.configId,
            pcrs: ENCLAVE.pcrs,
            registrant: ADMIN,
            timestamp_ms: T,
          }),
        ),
      ],
      [
        e(
          "dataset",
          "DatasetRegistered",
          dataset.DatasetRegistered.serialize({
            dataset_id: DATASET.id,
            creator: ADMIN,
            name: DATASET.name,
            blob_id: blobIdToInt(contentBlobId),
            sha256: new Uint8Array(32),
            size: contentSize,
            media_type: "application/octet-stream",
            license: "CC0-1.0",
            terms: {
              ai_training: allowed,
              ai_generative_training: allowed,
              ai_inference: allowed,
              data_mining: allowed,
            },
            policy: null,
            parents: [],
            transform: null,
            lineage_signed: false,
            previous: null,
            revision: 1,
            timestamp_ms: T,
          }),
        ),
      ],
    ]),
    checkpoint(11, [
      [recorded(ATTESTATIONS.good, payload(1), oldPk, good)],
      [recorded(ATTESTATIONS.tampered, payload(2), oldPk, tampered)],
      [recorded(ATTESTATIONS.unsigned, payload(1), new Uint8Array(), new Uint8Array(), null)],
      [recorded(ATTESTATIONS.swapped, payload(5, 0xbb), oldPk, swapped)],
      [
        recorded(
          ATTESTATIONS.frontRun,
          payload(7),
          oldPk,
          frontRun,
          KEY,
          normalizeSuiAddress("0xf0e"),
        ),
      ],
      [
        recorded(ATTESTATIONS.enclave, payload(6), enclavePk, byEnclave, {
          attesterId: ENCLAVE.attesterId,
          enclave: true,
        }),
      ],
    ]),
    checkpoint(12, [
      [
        e(
          "attester",
          "AttesterKeyRotated",
          attester.AttesterKeyRotated.serialize({
            attester_id: ATTESTER,
            old_public_key: oldPk,
            new_public_key: newPk,
            key_version: 1,
            admin: ADMIN,
            timestamp_ms: T,
          }),
        ),
      ],
    ]),
    checkpoint(13, [
      [
        recorded(
          ATTESTATIONS.rotated,
          payload(3),
          newPk,
          await signAttestation(newKey, FOR_ADMIN, payload(3), T),
        ),
      ],
      [
        recorded(
          ATTESTATIONS.stale,
          payload(4),
          oldPk,
          await signAttestation(oldKey, FOR_ADMIN, payload(4), T),
        ),
      ],
    ]),
  ];
}

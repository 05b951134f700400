/**
 * A provenance history for verification, encoded with the sdk's BCS layouts and signed with
 * real Ed25519 keys (`signAttestation`), shared by the API's and the CLI's verify tests (test
 * tooling). Checkpoint 10 registers an attester (key `oldKey`) and a dataset stored as some
 * content; 11 records a good, a tampered and an unsigned attestation; 12 rotates the key to
 * `newKey`; 13 records one signed with the new key and one still signed with the old.
 */
import { Ed25519Keypair } from "@mysten/sui/keypairs/ed25519";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { blobIdToInt } from "@mysten/walrus";
import { type Checkpoint, type Processor, provenanceProcessor } from "@verity/indexer";
import {
  type AttestationPayloadInput,
  attestation,
  attester,
  dataset,
  signAttestation,
} from "@verity/sdk";
import { checkpoint, event } from "../../../indexer/test/support/checkpoints.ts";

const PKG = normalizeSuiAddress("0xa92");
const ADMIN = normalizeSuiAddress("0xad");
const ATTESTER = normalizeSuiAddress("0xa77");
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
};

/** The pipeline that indexes the scenario. */
export const scenarioProcessors = (): Processor[] => [
  provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
];

const e = (module: string, struct: string, bcs: { toBytes(): Uint8Array }) =>
  event(PKG, module, struct, bcs.toBytes(), ADMIN);

const payload = (digestByte: number): AttestationPayloadInput => ({
  kind: 0,
  inputs: [DATASET.id],
  input_blobs: [12345n],
  outputs: [],
  output_blobs: [67890n],
  payload_digest: new Uint8Array(32).fill(digestByte),
});

/** An `AttestationRecorded` of `payload`, claiming `publicKey` and carrying `signature`. */
const recorded = (
  attestationId: string,
  p: AttestationPayloadInput,
  publicKey: Uint8Array,
  signature: Uint8Array,
  signed = true,
) =>
  e(
    "attestation",
    "AttestationRecorded",
    attestation.AttestationRecorded.serialize({
      attestation_id: attestationId,
      kind: p.kind,
      attester: signed ? ATTESTER : null,
      signed,
      public_key: publicKey,
      signature,
      submitter: ADMIN,
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
  const oldPk = oldKey.getPublicKey().toRawBytes();
  const newPk = newKey.getPublicKey().toRawBytes();
  const good = await signAttestation(oldKey, payload(1), T);
  const tampered = Uint8Array.from(await signAttestation(oldKey, payload(2), T));
  tampered[5]! ^= 1;
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
            pcrs: [],
            admin: ADMIN,
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
            policy: null,
            parents: [],
            transform: null,
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
      [recorded(ATTESTATIONS.unsigned, payload(1), new Uint8Array(), new Uint8Array(), false)],
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
          await signAttestation(newKey, payload(3), T),
        ),
      ],
      [
        recorded(
          ATTESTATIONS.stale,
          payload(4),
          oldPk,
          await signAttestation(oldKey, payload(4), T),
        ),
      ],
    ]),
  ];
}

import type { Signer } from "@mysten/sui/cryptography";
import { Ed25519PublicKey } from "@mysten/sui/keypairs/ed25519";
import {
  AttestationKind,
  AttestationMessage,
  type AttestationPayload,
  IntentMessage,
} from "./contracts/verity/attestation.ts";

/** Intent scope of Verity attestations: the first byte of every signed message (`'V'`). */
export const INTENT_SCOPE = 86;

/**
 * The fields an attester states, as `verity::attestation::AttestationPayload`: blobs are
 * `{ blob_id, sha256 }` (Walrus blob id as u256, 32-byte SHA-256 of the content).
 */
export type AttestationPayloadInput = Parameters<typeof AttestationPayload.serialize>[0];

const AttestationIntentMessage = IntentMessage(AttestationMessage);

/** Whom a signature is for: the attester it is recorded under, and who may record it. */
export interface SignedFor {
  /** the `verity::attester::Attester` object id (0x-hex, 32 bytes) */
  attester: string;
  /** the Sui address that will submit `attestation::record` (the PTB's sender) */
  submitter: string;
}

/**
 * The exact bytes an attester signs: BCS of `IntentMessage { intent: 86, timestamp_ms, data:
 * AttestationMessage { attester, submitter, payload } }`, identical to
 * `verity::attestation::message_bytes` on chain. Naming the attester means a signature cannot
 * be recorded under another attester; naming the submitter means nobody else can record it
 * first; the chain accepts each message once.
 *
 * @param timestampMs signed time of the activity, ms since the Unix epoch; `record` accepts it
 *   from one hour before to one minute after the chain clock
 */
export function attestationMessage(
  signedFor: SignedFor,
  payload: AttestationPayloadInput,
  timestampMs: bigint | number,
): Uint8Array {
  return AttestationIntentMessage.serialize({
    intent: INTENT_SCOPE,
    timestamp_ms: timestampMs,
    data: { attester: signedFor.attester, submitter: signedFor.submitter, payload },
  }).toBytes();
}

/**
 * Signs an attestation with an ed25519 key, for the attester and submitter of `signedFor`.
 * Returns the raw 64-byte signature that `attestation::record` and `inference::record` take
 * (not a Sui serialized signature).
 *
 * @throws Error when the signer is not ed25519 (Move verifies ed25519 only)
 */
export async function signAttestation(
  signer: Signer,
  signedFor: SignedFor,
  payload: AttestationPayloadInput,
  timestampMs: bigint | number,
): Promise<Uint8Array> {
  if (signer.getKeyScheme() !== "ED25519") {
    throw new Error(`attesters sign with ed25519, not ${signer.getKeyScheme()}`);
  }
  return signer.sign(attestationMessage(signedFor, payload, timestampMs));
}

/**
 * Whether `signature` (the raw 64-byte ed25519 signature `attestation::record` takes) is
 * `publicKey`'s (32-byte ed25519 key) over `message`, the bytes {@link attestationMessage}
 * builds: the check Move makes on chain, made again off chain with no network. False, never an
 * error, for a key or signature of the wrong length.
 */
export async function verifyAttestationSignature(
  publicKey: Uint8Array,
  signature: Uint8Array,
  message: Uint8Array,
): Promise<boolean> {
  try {
    return await new Ed25519PublicKey(publicKey).verify(message, signature);
  } catch {
    return false;
  }
}

/** A Walrus blob and the SHA-256 of its content, as the payload's blobs carry them. */
export interface BlobDigestInput {
  /** Walrus blob id as u256 (bigint or decimal string) */
  blobId: bigint | string;
  /** SHA-256 of the content, 32 bytes */
  sha256: Uint8Array;
}

/**
 * The payload `inference::record` builds and verifies for an inference of `modelId`: kind 4,
 * inputs `[modelId]`, input blobs `[input]`, no outputs, output blobs `[output]`, and
 * `payloadDigest` (32 bytes: whatever further detail the attester commits to, e.g. the
 * generation parameters). Sign it with `signAttestation`.
 */
export function inferencePayload(
  modelId: string,
  input: BlobDigestInput,
  output: BlobDigestInput,
  payloadDigest: Uint8Array,
): AttestationPayloadInput {
  return {
    kind: AttestationKind.inference,
    inputs: [modelId],
    input_blobs: [{ blob_id: input.blobId, sha256: input.sha256 }],
    outputs: [],
    output_blobs: [{ blob_id: output.blobId, sha256: output.sha256 }],
    payload_digest: payloadDigest,
  };
}

import type { Signer } from "@mysten/sui/cryptography";
import {
  AttestationKind,
  AttestationPayload,
  IntentMessage,
} from "./contracts/verity/attestation.ts";

/** Intent scope of Verity attestations: the first byte of every signed message (`'V'`). */
export const INTENT_SCOPE = 86;

/** The fields an attester signs, as `verity::attestation::AttestationPayload`. */
export type AttestationPayloadInput = Parameters<typeof AttestationPayload.serialize>[0];

const AttestationIntentMessage = IntentMessage(AttestationPayload);

/**
 * The exact bytes an attester signs: BCS of `IntentMessage { intent: 86, timestamp_ms, data:
 * payload }`, identical to `verity::attestation::message_bytes` on chain.
 *
 * @param timestampMs signed time of the activity, ms since the Unix epoch; `record` accepts it
 *   from one hour before to one minute after the chain clock
 */
export function attestationMessage(
  payload: AttestationPayloadInput,
  timestampMs: bigint | number,
): Uint8Array {
  return AttestationIntentMessage.serialize({
    intent: INTENT_SCOPE,
    timestamp_ms: timestampMs,
    data: payload,
  }).toBytes();
}

/**
 * Signs an attestation with an ed25519 key. Returns the raw 64-byte signature that
 * `attestation::record` and `inference::record` take (not a Sui serialized signature).
 *
 * @throws Error when the signer is not ed25519 (Move verifies ed25519 only)
 */
export async function signAttestation(
  signer: Signer,
  payload: AttestationPayloadInput,
  timestampMs: bigint | number,
): Promise<Uint8Array> {
  if (signer.getKeyScheme() !== "ED25519") {
    throw new Error(`attesters sign with ed25519, not ${signer.getKeyScheme()}`);
  }
  return signer.sign(attestationMessage(payload, timestampMs));
}

/**
 * The payload `inference::record` builds and verifies for an inference of `modelId`: kind 4,
 * inputs `[modelId]`, input blobs `[inputBlobId]`, no outputs, output blobs `[outputBlobId]`,
 * payload digest = the output's SHA-256 (32 bytes). Sign it with `signAttestation`.
 */
export function inferencePayload(
  modelId: string,
  inputBlobId: bigint | string,
  outputBlobId: bigint | string,
  outputSha256: Uint8Array,
): AttestationPayloadInput {
  return {
    kind: AttestationKind.inference,
    inputs: [modelId],
    input_blobs: [inputBlobId],
    outputs: [],
    output_blobs: [outputBlobId],
    payload_digest: outputSha256,
  };
}

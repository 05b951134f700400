/**
 * Re-verifying a recorded attestation from what the indexer stored, with no trust in us and no
 * network: the signature is checked again over the rebuilt BCS `IntentMessage`, against the
 * attester's key in force at the attestation's checkpoint. Behind `POST /v1/verify/attestation`
 * and `verity verify attestation`.
 */
import { Ed25519PublicKey } from "@mysten/sui/keypairs/ed25519";
import { fromHex } from "@mysten/sui/utils";
import { blobIdToInt } from "@mysten/walrus";
import { type AttestationEvidence, attestationEvidence, type Db } from "@verity/db";
import { attestationMessage } from "@verity/sdk";

/** One check of an attestation and its outcome, with a sentence saying what was compared. */
export interface AttestationCheck {
  /** `signed`, `key-in-force`, `signature` or `not-revoked`. */
  name: string;
  ok: boolean;
  detail: string;
}

/** The verdict on one attestation. */
export interface AttestationVerdict {
  /** 0x + 64 lowercase hex. */
  attestationId: string;
  signed: boolean;
  /** Signed, and every check passed. */
  valid: boolean;
  checks: AttestationCheck[];
}

/** Move's `attestation` kinds, by their u8 value. */
const KINDS = ["transform", "training", "fine_tune", "evaluation", "inference"];

/**
 * Re-verifies attestation `attestationId` (0x + 64 lowercase hex) as indexed in `db`; see
 * {@link checksOf} for the checks. Returns null when no such attestation is indexed.
 *
 * @throws the driver's error when the database cannot be read
 */
export async function verifyAttestation(
  db: Db,
  attestationId: string,
): Promise<AttestationVerdict | null> {
  const evidence = await attestationEvidence(db, attestationId);
  if (!evidence) return null;
  const checks = await checksOf(evidence);
  const signed = evidence.attestation.signed;
  return { attestationId, signed, valid: signed && checks.every((x) => x.ok), checks };
}

/** Whether `signature` (hex) is a valid ed25519 signature by `publicKey` (hex) of `message`. */
async function ed25519Valid(publicKey: string, signature: string, message: Uint8Array) {
  try {
    return await new Ed25519PublicKey(fromHex(publicKey)).verify(message, fromHex(signature));
  } catch {
    return false;
  }
}

/**
 * The checks of an attestation: `signed`, then for a signed one `key-in-force` (the recorded
 * public key is the attester's key in force at its checkpoint), `signature` (over the rebuilt
 * BCS `IntentMessage`, by the key in force), and `not-revoked` (no revocation before it).
 */
async function checksOf({
  attestation: a,
  keyInForce,
  revocation,
}: AttestationEvidence): Promise<AttestationCheck[]> {
  const checks: AttestationCheck[] = [
    {
      name: "signed",
      ok: a.signed,
      detail: a.signed
        ? `signed by attester ${a.attesterId}`
        : `recorded unsigned by ${a.submitter}: nobody vouches for it beyond the sender`,
    },
  ];
  if (!a.signed) return checks;
  checks.push({
    name: "key-in-force",
    ok: keyInForce?.publicKey === a.publicKey,
    detail: !keyInForce
      ? `no key of attester ${a.attesterId} registered at or before checkpoint ${a.checkpoint}`
      : `key version ${keyInForce.keyVersion} (checkpoint ${keyInForce.checkpoint}) ${
          keyInForce.publicKey === a.publicKey ? "is" : "is not"
        } the recorded public key`,
  });
  const kind = KINDS.indexOf(a.kind);
  const message = attestationMessage(
    {
      kind: kind >= 0 ? kind : Number(a.kind.replace("kind_", "")),
      inputs: a.inputs,
      input_blobs: a.inputBlobs.map(blobIdToInt),
      outputs: a.outputs,
      output_blobs: a.outputBlobs.map(blobIdToInt),
      payload_digest: fromHex(a.payloadDigest),
    },
    a.timestampMs,
  );
  const key = keyInForce?.publicKey ?? a.publicKey;
  const valid = await ed25519Valid(key, a.signature, message);
  checks.push({
    name: "signature",
    ok: valid,
    detail: `ed25519 signature over the rebuilt IntentMessage (${message.length} bytes) ${
      valid ? "verifies" : "does not verify"
    } with key ${key}`,
  });
  const revokedBefore = revocation !== null && revocation.checkpoint < a.checkpoint;
  checks.push({
    name: "not-revoked",
    ok: !revokedBefore,
    detail: !revocation
      ? "the attester has never been revoked"
      : `the attester was revoked at checkpoint ${revocation.checkpoint}, ${
          revokedBefore ? "before" : "after"
        } this attestation (checkpoint ${a.checkpoint})`,
  });
  return checks;
}

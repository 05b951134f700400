/**
 * Re-verifying a recorded attestation from what the indexer stored, with no trust in us and no
 * network: the signature is checked again over the rebuilt BCS `IntentMessage` (which names the
 * attester, the submitter, and every blob with the SHA-256 of its content), against the
 * attester's key in force at the attestation's checkpoint (the signature check is the sdk's
 * `verifyAttestationSignature`, beside signing). Behind `POST /v1/verify/attestation` and
 * `verity verify attestation`.
 */
import { fromHex } from "@mysten/bcs";
import { blobIdToInt } from "@mysten/walrus";
import {
  ATTESTATION_KIND_NAMES,
  type AttestationPayloadInput,
  attestationMessage,
  verifyAttestationSignature,
} from "@verity/sdk";
import type { Db } from "../database.ts";
import { type Attester, getAttester } from "./governance.ts";
import { type AttestationEvidence, type AttestationRow, attestationEvidence } from "./verify.ts";

/** One check of an attestation and its outcome, with a sentence saying what was compared. */
export interface AttestationCheck {
  /** `signed`, `key-in-force`, `signature` or `not-revoked`. */
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * How a signing attester holds its key: `enclave` (an enclave image's, its key taken from a
 * Nitro attestation document whose PCRs matched an `EnclaveConfig` on chain) or `key` (a plain
 * key the admin registered).
 */
export type AttesterKind = "enclave" | "key";

/** The verdict on one attestation. */
export interface AttestationVerdict {
  /** 0x + 64 lowercase hex. */
  attestationId: string;
  signed: boolean;
  /** The signing attester's kind (from its registration); null when unsigned. */
  attesterKind: AttesterKind | null;
  /** The `EnclaveConfig` an enclave attester was registered against, else null. */
  enclaveConfigId: string | null;
  /** Signed, and every check passed. */
  valid: boolean;
  checks: AttestationCheck[];
}

/** What a verdict says of the signing attester. */
type AttesterFacts = Pick<AttestationVerdict, "attesterKind" | "enclaveConfigId">;

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
  const { attesterId, signed } = evidence.attestation;
  const attester = signed && attesterId ? await getAttester(db, attesterId) : undefined;
  const kind = attesterOf(evidence.attestation, attester);
  const checks = await checksOf(evidence, kind);
  return { attestationId, signed, ...kind, valid: signed && checks.every((x) => x.ok), checks };
}

/**
 * The signing attester's kind and enclave config: from its registration (`attester`), else
 * (attester not indexed) the kind the attestation recorded, with no config.
 */
function attesterOf(a: AttestationRow, attester: Attester | undefined): AttesterFacts {
  if (!a.signed) return { attesterKind: null, enclaveConfigId: null };
  const enclaveConfigId = attester?.enclaveConfigId ?? null;
  const enclave = attester ? enclaveConfigId !== null : a.enclave;
  return { attesterKind: enclave ? "enclave" : "key", enclaveConfigId };
}

/**
 * The `AttestationPayload` the attester signed, rebuilt from the stored row: the kind's u8
 * (`kind_<n>` for kinds newer than this code), and each blob as `{ blob_id, sha256 }` (the
 * Walrus blob id back to its u256, the stored hex SHA-256 aligned with it by index).
 */
function payloadOf(a: AttestationRow): AttestationPayloadInput {
  const kind = (ATTESTATION_KIND_NAMES as readonly string[]).indexOf(a.kind);
  const digests = (blobIds: string[], sha256s: string[]) =>
    blobIds.map((blobId, i) => ({
      blob_id: blobIdToInt(blobId),
      sha256: fromHex(sha256s[i] ?? ""),
    }));
  return {
    kind: kind >= 0 ? kind : Number(a.kind.replace("kind_", "")),
    inputs: a.inputs,
    input_blobs: digests(a.inputBlobs, a.inputSha256s),
    outputs: a.outputs,
    output_blobs: digests(a.outputBlobs, a.outputSha256s),
    payload_digest: fromHex(a.payloadDigest),
  };
}

/** A signing attester's kind in words. */
const kindInWords = ({ attesterKind, enclaveConfigId }: AttesterFacts) =>
  attesterKind === "enclave"
    ? `an enclave${enclaveConfigId ? ` of enclave config ${enclaveConfigId}` : ""}`
    : "a plain key";

/**
 * The checks of an attestation: `signed` (saying by which kind of attester, `kind`), then for a
 * signed one `key-in-force` (the recorded public key is the attester's key in force at its
 * checkpoint), `signature` (over the rebuilt BCS `IntentMessage`, by the key in force), and
 * `not-revoked` (no revocation before it).
 */
async function checksOf(
  { attestation: a, keyInForce, revocation }: AttestationEvidence,
  kind: AttesterFacts,
): Promise<AttestationCheck[]> {
  const checks: AttestationCheck[] = [
    {
      name: "signed",
      ok: a.signed,
      detail: a.signed
        ? `signed by attester ${a.attesterId}, ${kindInWords(kind)}`
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
  const signedFor = { attester: a.attesterId as string, submitter: a.submitter };
  const message = attestationMessage(signedFor, payloadOf(a), a.timestampMs);
  const key = keyInForce?.publicKey ?? a.publicKey;
  const valid = await verifyAttestationSignature(fromHex(key), fromHex(a.signature), message);
  const digestsMissing =
    a.inputSha256s.length !== a.inputBlobs.length ||
    a.outputSha256s.length !== a.outputBlobs.length;
  checks.push({
    name: "signature",
    ok: valid,
    detail: `ed25519 signature over the rebuilt IntentMessage (${message.length} bytes) ${
      valid ? "verifies" : "does not verify"
    } with key ${key}${
      digestsMissing ? " (its blobs' SHA-256s are not indexed: re-index its checkpoint)" : ""
    }`,
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

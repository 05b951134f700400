import { toHex } from "@mysten/bcs";
import { Ed25519Keypair, Ed25519PublicKey } from "@mysten/sui/keypairs/ed25519";
import { Secp256k1Keypair } from "@mysten/sui/keypairs/secp256k1";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { describe, expect, it } from "vitest";
import {
  AttestationKind,
  attestation,
  attestationMessage,
  inferencePayload,
  sealIdentity,
  signAttestation,
  verifyAttestationSignature,
} from "../src/index.ts";

const ATTESTER = normalizeSuiAddress("0xa7");
const SUBMITTER = normalizeSuiAddress("0xc0ffee");
const signedFor = { attester: ATTESTER, submitter: SUBMITTER };
const sha = (byte: number) => new Uint8Array(32).fill(byte);

const payload = {
  kind: AttestationKind.training,
  inputs: [normalizeSuiAddress("0x2")],
  input_blobs: [{ blob_id: 1n, sha256: sha(3) }],
  outputs: [],
  output_blobs: [{ blob_id: (1n << 255n) + 7n, sha256: sha(4) }],
  payload_digest: sha(9),
};

/** The signed message's layout, read back with the sdk's own Move mirrors. */
const SignedMessage = attestation.IntentMessage(attestation.AttestationMessage);

describe("attestation signing", () => {
  it("lays the message out as IntentMessage { 'V', timestamp_ms, { attester, submitter, payload } }", () => {
    const bytes = attestationMessage(signedFor, payload, 258n);
    expect(SignedMessage.parse(bytes)).toEqual({
      intent: 86,
      timestamp_ms: "258",
      data: {
        attester: ATTESTER,
        submitter: SUBMITTER,
        payload: {
          kind: AttestationKind.training,
          inputs: payload.inputs,
          input_blobs: [{ blob_id: "1", sha256: sha(3) }],
          outputs: [],
          output_blobs: [{ blob_id: `${(1n << 255n) + 7n}`, sha256: sha(4) }],
          payload_digest: sha(9),
        },
      },
    });
    // Byte by byte: intent, u64 LE timestamp, attester id, submitter address, then the kind.
    expect(bytes[0]).toBe(86);
    expect(toHex(bytes.slice(1, 9))).toBe("0201000000000000");
    expect(toHex(bytes.slice(9, 41))).toBe(ATTESTER.slice(2));
    expect(toHex(bytes.slice(41, 73))).toBe(SUBMITTER.slice(2));
    expect(bytes[73]).toBe(AttestationKind.training);
    // kind, (1 + 32) inputs, (1 + 32 + 1 + 32) input blob, 1 outputs, (1 + 32 + 1 + 32) output
    // blob, (1 + 32) digest: nothing after the payload
    expect(bytes.length).toBe(73 + 1 + 33 + 66 + 1 + 66 + 33);
    expect(toHex(SignedMessage.serialize(SignedMessage.parse(bytes)).toBytes())).toBe(toHex(bytes));
  });

  it("names the attester and the submitter: changing either changes the message", () => {
    const bytes = attestationMessage(signedFor, payload, 258n);
    const other = normalizeSuiAddress("0xa8");
    for (const changed of [
      { ...signedFor, attester: other },
      { ...signedFor, submitter: other },
    ]) {
      const otherBytes = attestationMessage(changed, payload, 258n);
      expect(toHex(otherBytes)).not.toBe(toHex(bytes));
      expect(SignedMessage.parse(otherBytes).data).toMatchObject(changed);
    }
  });

  it("signs the SHA-256 of every blob: changing one changes the message", () => {
    const bytes = attestationMessage(signedFor, payload, 258n);
    const swapped = { ...payload, output_blobs: [{ ...payload.output_blobs[0]!, sha256: sha(5) }] };
    expect(toHex(attestationMessage(signedFor, swapped, 258n))).not.toBe(toHex(bytes));
  });

  it("takes digests as arrays of bytes too, and refuses values that are not bytes", () => {
    const digest = Array.from(payload.payload_digest);
    expect(attestationMessage(signedFor, { ...payload, payload_digest: digest }, 258n)).toEqual(
      attestationMessage(signedFor, payload, 258n),
    );
    for (const bad of [256, -1, 1.5]) {
      expect(() =>
        attestationMessage(
          signedFor,
          { ...payload, payload_digest: [...digest.slice(1), bad] },
          258n,
        ),
      ).toThrow(`Invalid u8 value: ${bad}`);
      expect(() =>
        attestationMessage(
          signedFor,
          { ...payload, input_blobs: [{ blob_id: 1n, sha256: [...digest.slice(1), bad] }] },
          258n,
        ),
      ).toThrow(`Invalid u8 value: ${bad}`);
    }
  });

  it("produces a raw ed25519 signature that verifies over that message and no other", async () => {
    const keypair = new Ed25519Keypair();
    const signature = await signAttestation(keypair, signedFor, payload, 1_000n);
    expect(signature.length).toBe(64);
    const publicKey = new Ed25519PublicKey(keypair.getPublicKey().toRawBytes());
    const verifies = (message: Uint8Array) => publicKey.verify(message, signature);
    expect(await verifies(attestationMessage(signedFor, payload, 1_000n))).toBe(true);
    expect(await verifies(attestationMessage(signedFor, payload, 1_001n))).toBe(false);
    const otherAttester = { ...signedFor, attester: normalizeSuiAddress("0xa8") };
    expect(await verifies(attestationMessage(otherAttester, payload, 1_000n))).toBe(false);
    const otherSubmitter = { ...signedFor, submitter: normalizeSuiAddress("0xbad") };
    expect(await verifies(attestationMessage(otherSubmitter, payload, 1_000n))).toBe(false);
  });

  it("verifies a signature over the message it signed, and nothing else", async () => {
    const keypair = new Ed25519Keypair();
    const key = keypair.getPublicKey().toRawBytes();
    const signature = await signAttestation(keypair, signedFor, payload, 1_000n);
    const check = (k: Uint8Array, sig: Uint8Array, time: bigint, p = payload, f = signedFor) =>
      verifyAttestationSignature(k, sig, attestationMessage(f, p, time));
    expect(await check(key, signature, 1_000n)).toBe(true);
    expect(await check(key, signature, 1_001n)).toBe(false);
    const otherSubmitter = { ...signedFor, submitter: normalizeSuiAddress("0xbad") };
    expect(await check(key, signature, 1_000n, payload, otherSubmitter)).toBe(false);
    const swapped = { ...payload, output_blobs: [{ blob_id: 8n, sha256: sha(4) }] };
    expect(await check(key, signature, 1_000n, swapped)).toBe(false);
    expect(await check(new Ed25519Keypair().getPublicKey().toRawBytes(), signature, 1_000n)).toBe(
      false,
    );
    const flipped = Uint8Array.from(signature, (b, i) => (i === 0 ? b ^ 1 : b));
    expect(await check(key, flipped, 1_000n)).toBe(false);
    expect(await check(key.slice(1), signature, 1_000n)).toBe(false);
    expect(await check(key, signature.slice(1), 1_000n)).toBe(false);
  });

  it("refuses keys Move cannot verify", async () => {
    await expect(signAttestation(new Secp256k1Keypair(), signedFor, payload, 0)).rejects.toThrow(
      /ed25519/,
    );
  });

  it("builds the inference payload inference::record verifies", () => {
    const model = normalizeSuiAddress("0xaa");
    const p = inferencePayload(
      model,
      { blobId: 1n, sha256: sha(1) },
      { blobId: "2", sha256: sha(2) },
      sha(7),
    );
    expect(SignedMessage.parse(attestationMessage(signedFor, p, 5n)).data.payload).toEqual({
      kind: 4,
      inputs: [model],
      input_blobs: [{ blob_id: "1", sha256: sha(1) }],
      outputs: [],
      output_blobs: [{ blob_id: "2", sha256: sha(2) }],
      payload_digest: sha(7),
    });
  });
});

describe("Seal identity", () => {
  it("is the policy's 32-byte id followed by the nonce", () => {
    const id = sealIdentity("0xabc", new Uint8Array([1, 2]));
    expect(id.length).toBe(34);
    expect(toHex(id)).toBe(`${"0".repeat(61)}abc0102`);
  });
});

import { toHex } from "@mysten/bcs";
import { Ed25519Keypair, Ed25519PublicKey } from "@mysten/sui/keypairs/ed25519";
import { Secp256k1Keypair } from "@mysten/sui/keypairs/secp256k1";
import { describe, expect, it } from "vitest";
import {
  AttestationKind,
  attestationMessage,
  inferencePayload,
  sealIdentity,
  signAttestation,
} from "../src/index.ts";

const payload = {
  kind: AttestationKind.training,
  inputs: ["0x2"],
  input_blobs: [1n],
  outputs: [],
  output_blobs: [(1n << 255n) + 7n],
  payload_digest: new Uint8Array(32).fill(9),
};

describe("attestation signing", () => {
  it("lays the message out as IntentMessage { intent 'V', timestamp_ms, payload }", () => {
    const bytes = attestationMessage(payload, 258n);
    expect(bytes[0]).toBe(86);
    expect(toHex(bytes.slice(1, 9))).toBe("0201000000000000");
    expect(bytes[9]).toBe(AttestationKind.training);
    // kind + (1 + 32) inputs + (1 + 32) input blobs + 1 outputs + (1 + 32) output blobs + (1 + 32) digest
    expect(bytes.length).toBe(9 + 1 + 33 + 33 + 1 + 33 + 33);
  });

  it("takes the digest as an array of bytes too, and refuses values that are not bytes", () => {
    const digest = Array.from(payload.payload_digest);
    expect(attestationMessage({ ...payload, payload_digest: digest }, 258n)).toEqual(
      attestationMessage(payload, 258n),
    );
    for (const bad of [256, -1, 1.5]) {
      expect(() =>
        attestationMessage({ ...payload, payload_digest: [...digest.slice(1), bad] }, 258n),
      ).toThrow(`Invalid u8 value: ${bad}`);
    }
  });

  it("produces a raw ed25519 signature that verifies over that message", async () => {
    const keypair = new Ed25519Keypair();
    const signature = await signAttestation(keypair, payload, 1_000n);
    expect(signature.length).toBe(64);
    const publicKey = new Ed25519PublicKey(keypair.getPublicKey().toRawBytes());
    expect(await publicKey.verify(attestationMessage(payload, 1_000n), signature)).toBe(true);
    expect(await publicKey.verify(attestationMessage(payload, 1_001n), signature)).toBe(false);
  });

  it("refuses keys Move cannot verify", async () => {
    await expect(signAttestation(new Secp256k1Keypair(), payload, 0)).rejects.toThrow(/ed25519/);
  });

  it("builds the inference payload inference::record verifies", () => {
    const p = inferencePayload("0xaa", 1n, 2n, new Uint8Array(32));
    expect(p).toMatchObject({
      kind: 4,
      inputs: ["0xaa"],
      input_blobs: [1n],
      outputs: [],
      output_blobs: [2n],
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

import { createHash } from "node:crypto";
import { Ed25519Keypair } from "@mysten/sui/keypairs/ed25519";
import { toHex } from "@mysten/sui/utils";

/**
 * A demo key: ed25519, its secret the SHA-256 of a public label, so every run has the same
 * keys (and so the same signatures, digests and ids). Anyone can derive them: they sign the
 * demo's simulated history and must never hold anything on a real network.
 */
export function demoKeypair(label: string): Ed25519Keypair {
  return Ed25519Keypair.fromSecretKey(
    createHash("sha256").update(`verity demo: ${label}`).digest(),
  );
}

/** A 32-byte id named by a public label (0x + 64 hex), for objects outside the simulated history. */
export function demoId(label: string): string {
  return `0x${toHex(createHash("sha256").update(`verity demo id: ${label}`).digest())}`;
}

/** Who acts in the demo. */
export const participants = {
  /** publishes the package (holds its `AdminCap`), owns the raw data and its allowlist */
  steward: demoKeypair("data steward"),
  /** the lab's account: submits transforms, training, evaluation and inferences */
  lab: demoKeypair("lab account"),
  /** the lab's registered attester key: signs what the lab did */
  attester: demoKeypair("lab attester"),
  /** the key the lab's inference server generates inside its (simulated) Nitro enclave */
  enclave: demoKeypair("lab inference enclave"),
  /** a reader the steward allows to decrypt the data */
  researcher: demoKeypair("researcher"),
};

/** The `verity` package id of the simulated chain (no real network has it). */
export const DEMO_PACKAGE_ID = demoId("verity package");

/** The package's `attester::AdminCap`, held by the steward from before the first checkpoint. */
export const DEMO_ADMIN_CAP = demoId("attester admin cap");

/** The package's shared `attester::AttesterRegistry`, made at publish with the `AdminCap`. */
export const DEMO_ATTESTER_REGISTRY = demoId("attester registry");

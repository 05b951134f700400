import { Command } from "commander";
import { objectIdArgument } from "../../ids.ts";
import { type DatabaseOptions, withDatabaseOptions } from "../../options.ts";

/** `verity verify attestation <id>`: re-check a recorded attestation's signature, offline. */
export function verifyAttestationCommand(): Command {
  const command = new Command("attestation")
    .description(
      "Re-check an indexed attestation: signed (by an enclave or a plain key), key in force, ed25519 signature over the rebuilt message, not revoked (no network); exit 1 unless valid",
    )
    .argument("<id>", "the attestation's object id", objectIdArgument);
  return withDatabaseOptions(command).action(
    async (attestationId: string, options: DatabaseOptions) =>
      (await import("../run/verify-attestation.ts")).checkAttestation(attestationId, options),
  );
}

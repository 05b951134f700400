import { normalizeSuiAddress } from "@mysten/sui/utils";
import { verifyAttestation } from "@verity/api";
import { Command, InvalidArgumentError } from "commander";
import { openExistingDatabase } from "../../existing-database.ts";
import { type DatabaseOptions, withDatabaseOptions } from "../../options.ts";

/** Parses an object id: 0x + 1..64 hex digits, normalized to 0x + 64 lowercase hex. */
function objectId(value: string): string {
  if (!/^0x[0-9a-fA-F]{1,64}$/.test(value))
    throw new InvalidArgumentError("expected an object id: 0x and up to 64 hex digits");
  return normalizeSuiAddress(value.toLowerCase());
}

/** `verity verify attestation <id>`: re-check a recorded attestation's signature, offline. */
export function verifyAttestationCommand(): Command {
  const command = new Command("attestation")
    .description(
      "Re-check an indexed attestation: signed (by an enclave or a plain key), key in force, ed25519 signature over the rebuilt message, not revoked (no network); exit 1 unless valid",
    )
    .argument("<id>", "the attestation's object id", objectId);
  return withDatabaseOptions(command).action(
    async (attestationId: string, options: DatabaseOptions) => {
      const opened = await openExistingDatabase(options);
      if ("missing" in opened)
        throw new Error(`no database at ${opened.missing}: index first (verity index or start)`);
      const { database } = opened;
      try {
        const verdict = await verifyAttestation(database.db, attestationId);
        if (!verdict)
          throw new Error(`no attestation ${attestationId} is indexed in ${database.location}`);
        const outcome = verdict.valid ? "valid" : verdict.signed ? "INVALID" : "unsigned";
        console.log(`attestation ${attestationId}: ${outcome}`);
        if (verdict.attesterKind === "enclave")
          console.log(
            `attester: an enclave (enclave config ${verdict.enclaveConfigId ?? "unknown"})`,
          );
        else if (verdict.attesterKind === "key") console.log("attester: a plain key");
        for (const check of verdict.checks)
          console.log(`${check.ok ? "✓" : "✗"} ${check.name}: ${check.detail}`);
        if (!verdict.valid) process.exitCode = 1;
      } finally {
        await database.close();
      }
    },
  );
}

import { verifyAttestation } from "@verity/db";
import { openIndexedDatabase } from "../../existing-database.ts";
import type { DatabaseOptions } from "../../options.ts";

/**
 * `verity verify attestation`'s work: re-verify the indexed attestation, print the verdict and
 * each check; exit code 1 unless valid.
 */
export async function checkAttestation(attestationId: string, options: DatabaseOptions) {
  const database = await openIndexedDatabase(options);
  try {
    const verdict = await verifyAttestation(database.db, attestationId);
    if (!verdict)
      throw new Error(`no attestation ${attestationId} is indexed in ${database.location}`);
    const outcome = verdict.valid ? "valid" : verdict.signed ? "INVALID" : "unsigned";
    console.log(`attestation ${attestationId}: ${outcome}`);
    if (verdict.attesterKind === "enclave")
      console.log(`attester: an enclave (enclave config ${verdict.enclaveConfigId ?? "unknown"})`);
    else if (verdict.attesterKind === "key") console.log("attester: a plain key");
    for (const check of verdict.checks)
      console.log(`${check.ok ? "✓" : "✗"} ${check.name}: ${check.detail}`);
    if (!verdict.valid) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

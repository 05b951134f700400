import { Command, Option } from "commander";
import { withDatabaseOptions } from "../options.ts";
import { AUDIT_FORMATS, type AuditOptions, checkpointNumber } from "../report-options.ts";

/**
 * `verity audit <id>`: a policy's rules over everything upstream of a model, dataset or
 * inference. Exit 0 when every rule passes, 1 when one fails, 2 on an error (a bad policy or
 * argument, an unknown id, no database), so a release can be gated on it.
 */
export function auditCommand(): Command {
  const command = new Command("audit")
    .description(
      "Audit everything upstream of a model, dataset or inference against a policy (licenses, consent, attestation, limits), each finding with its event; exit 0 pass, 1 fail, 2 error",
    )
    .argument("<id>", "object id or Walrus blob id of the subject")
    .option(
      "--policy <file>",
      "policy, JSON or YAML (default: every license SPDX, no retraction or taint upstream, every link signed by an attester not revoked when it signed)",
    )
    .option(
      "--as-of <checkpoint>",
      "audit the chain as it stood at this checkpoint",
      checkpointNumber,
    )
    .addOption(
      new Option("--format <format>", "report format").choices(AUDIT_FORMATS).default("md"),
    )
    .option("--out <file>", "write the report to this file instead of standard output")
    // Usage errors are errors too: exit 2, not commander's 1.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));
  return withDatabaseOptions(command).action(async (id: string, options: AuditOptions) =>
    (await import("./run/audit.ts")).audit(id, options),
  );
}

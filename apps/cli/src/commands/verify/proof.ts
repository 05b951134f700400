import { Command } from "commander";

/**
 * `verity verify proof <file|url> --committee <source>`: was this event emitted on Sui? Checks a
 * proof bundle from its certified checkpoint down to the event, trusting only the committee.
 */
export function verifyProofCommand(): Command {
  return new Command("proof")
    .description(
      "Check a proof bundle end to end (certificate, contents, transaction, effects, events, event), each step ✓ or ✗, against a committee; exit 1 unless every step holds (no network for a file)",
    )
    .argument(
      "<bundle>",
      "a proof bundle: a JSON file, or the URL of GET /v1/proofs/{txDigest}/{eventIndex}",
    )
    .requiredOption(
      "--committee <source>",
      "the committee of the bundle's epoch: a committee file (BCS { epoch, members: [{ public_key, stake }] }), or a checkpoint or certified summary whose end-of-epoch data names it",
    )
    .action(async (bundle: string, options: { committee: string }) =>
      (await import("../run/verify-proof.ts")).verifyProof(bundle, options.committee),
    );
}

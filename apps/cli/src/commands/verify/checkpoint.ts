import { Command } from "commander";

/**
 * `verity verify checkpoint <file> --committee <source>`: is a checkpoint certified by its
 * epoch's validators? No network, no trust in whoever served the file.
 */
export function verifyCheckpointCommand(): Command {
  return new Command("checkpoint")
    .description(
      "Check a checkpoint's certificate: the aggregate BLS signature of its signers over its summary, and their quorum, against a committee (no network); exit 1 with the reason unless certified",
    )
    .argument(
      "<file>",
      "a checkpoint (.chk, with or without its leading tag byte) or a certified summary in BCS",
    )
    .requiredOption(
      "--committee <source>",
      "a committee file (BCS { epoch, members: [{ public_key, stake }] }), or a checkpoint or certified summary whose end-of-epoch data names the next epoch's committee",
    )
    .action(async (file: string, options: { committee: string }) =>
      (await import("../run/verify-checkpoint.ts")).verifyCheckpoint(file, options.committee),
    );
}

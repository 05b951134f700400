import { Command } from "commander";
import { verifyAttestationCommand } from "./verify/attestation.ts";
import { verifyBlobCommand } from "./verify/blob.ts";
import { verifyCheckpointCommand } from "./verify/checkpoint.ts";

/**
 * `verity verify blob|attestation|checkpoint`: checks that need no network and no trust in an API.
 */
export function verifyCommand(): Command {
  return new Command("verify")
    .description(
      "Check a file's identity, an attestation's signature or a checkpoint's certificate locally, with no network",
    )
    .addCommand(verifyBlobCommand())
    .addCommand(verifyAttestationCommand())
    .addCommand(verifyCheckpointCommand());
}

import { Command } from "commander";
import { verifyAttestationCommand } from "./verify/attestation.ts";
import { verifyBlobCommand } from "./verify/blob.ts";
import { verifyCheckpointCommand } from "./verify/checkpoint.ts";
import { verifyProofCommand } from "./verify/proof.ts";

/**
 * `verity verify blob|attestation|checkpoint|proof`: checks that need no trust in an API (and no
 * network, but for a proof bundle fetched from a URL).
 */
export function verifyCommand(): Command {
  return new Command("verify")
    .description(
      "Check a file's identity, an attestation's signature, a checkpoint's certificate or an event's proof bundle locally",
    )
    .addCommand(verifyBlobCommand())
    .addCommand(verifyAttestationCommand())
    .addCommand(verifyCheckpointCommand())
    .addCommand(verifyProofCommand());
}

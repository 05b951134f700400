import { Command } from "commander";
import { verifyAttestationCommand } from "./verify/attestation.ts";
import { verifyBlobCommand } from "./verify/blob.ts";

/** `verity verify blob|attestation`: checks that need no network and no trust in an API. */
export function verifyCommand(): Command {
  return new Command("verify")
    .description("Check a file's identity or an attestation's signature locally, with no network")
    .addCommand(verifyBlobCommand())
    .addCommand(verifyAttestationCommand());
}

import { Command, Option } from "commander";
import { type DatabaseOptions, withDatabaseOptions } from "../../options.ts";

/** `verity verify blob <file>`: a file's Walrus blob id and SHA-256, and who registered it. */
export function verifyBlobCommand(): Command {
  const command = new Command("blob")
    .description(
      "Print a file's Walrus blob id and SHA-256, whether they match --blob-id, and the datasets and models registered under them (no network)",
    )
    .argument("<file>", "the file to identify")
    .addOption(
      new Option(
        "--blob-id <id>",
        "the blob id it should have (base64url or decimal u256); exit 1 when it does not",
      ),
    );
  return withDatabaseOptions(command).action(
    async (file: string, options: DatabaseOptions & { blobId?: string }) =>
      (await import("../run/verify-blob.ts")).verifyBlob(file, options),
  );
}

import { Command } from "commander";
import { withDatabaseOptions, withIndexOptions } from "../options.ts";

/** `verity index`: stream Sui checkpoints into the database, exactly once. */
export function indexCommandDefinition(): Command {
  const command = new Command("index").description(
    "Stream Sui checkpoints (full node over gRPC, or a checkpoint store) into the database; resumes at each pipeline's watermark + 1",
  );
  return withDatabaseOptions(withIndexOptions(command)).action(async (options) =>
    (await import("./run/index-command.ts")).index(options),
  );
}

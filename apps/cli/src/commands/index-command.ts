import { indexCommand } from "@verity/indexer";
import { Command } from "commander";
import { indexRunOf, withDatabaseOptions, withIndexOptions } from "../options.ts";
import { untilSignal } from "../signals.ts";

/** `verity index`: stream Sui checkpoints into the database, exactly once. */
export function indexCommandDefinition(): Command {
  const command = new Command("index").description(
    "Stream Sui checkpoints (full node over gRPC, or a checkpoint store) into the database; resumes at each pipeline's watermark + 1",
  );
  return withDatabaseOptions(withIndexOptions(command)).action(async (options) => {
    const stop = untilSignal();
    try {
      const watermarks = await indexCommand({
        ...indexRunOf(options),
        signal: stop.signal,
        tty: process.stderr.isTTY ? process.stderr : undefined,
      });
      for (const [pipeline, watermark] of watermarks) {
        console.log(`${pipeline}: watermark ${watermark ?? "none"}`);
      }
    } finally {
      stop.dispose();
    }
  });
}

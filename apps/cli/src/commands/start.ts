import { Command } from "commander";
import { withDatabaseOptions, withIndexOptions, withListenOptions } from "../options.ts";

/**
 * `verity start`: the indexer and the API (with the explorer) in one process, over one database
 * opened once (PGlite allows a single connection).
 */
export function startCommand(): Command {
  const command = new Command("start").description(
    "Index Sui checkpoints and serve the API and explorer from the same database, until interrupted",
  );
  return withListenOptions(withDatabaseOptions(withIndexOptions(command))).action(async (options) =>
    (await import("./run/start.ts")).start(options),
  );
}

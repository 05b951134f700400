import { Command } from "commander";
import { withDatabaseOptions, withListenOptions } from "../options.ts";

/** `verity serve`: the query API and the graph explorer over HTTP, until interrupted. */
export function serveCommand(): Command {
  const command = new Command("serve")
    .description("Serve the query API (and explorer) over HTTP, reading the indexed database")
    .option("--network <name>", "network label shown by /v1/status");
  return withListenOptions(withDatabaseOptions(command)).action(async (options) =>
    (await import("./run/serve.ts")).serve(options),
  );
}

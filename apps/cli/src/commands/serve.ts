import { startApiServer } from "@verity/api";
import { openDatabase } from "@verity/db";
import { Command } from "commander";
import { memoryGraph } from "../memory-graph.ts";
import { withDatabaseOptions, withListenOptions } from "../options.ts";
import { untilSignal } from "../signals.ts";

/** `verity serve`: the query API and the graph explorer over HTTP, until interrupted. */
export function serveCommand(): Command {
  const command = new Command("serve")
    .description("Serve the query API (and explorer) over HTTP, reading the indexed database")
    .option("--network <name>", "network label shown by /v1/status");
  return withListenOptions(withDatabaseOptions(command)).action(async (options) => {
    const stop = untilSignal();
    try {
      const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
      const server = await startApiServer(
        { database, network: options.network, graph: memoryGraph(database, options.memoryGraph) },
        { port: options.port, host: options.host },
      ).catch(async (error: unknown) => {
        await database.close();
        throw error;
      });
      console.log(
        `Verity API at ${server.url} (OpenAPI: ${server.url}/openapi.json), database ${database.location}`,
      );
      await stop.stopped;
      await server.close();
      await database.close();
    } finally {
      stop.dispose();
    }
  });
}

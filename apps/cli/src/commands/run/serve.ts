import { startApiServer } from "@verity/api";
import { openDatabase } from "@verity/db";
import { memoryGraph } from "../../memory-graph.ts";
import type { DatabaseOptions, ListenOptions } from "../../options.ts";
import { untilSignal } from "../../signals.ts";

/** `verity serve`'s work: open the database, serve the API until SIGINT/SIGTERM, close both. */
export async function serve(options: DatabaseOptions & ListenOptions & { network?: string }) {
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
}

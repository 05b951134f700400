import { listenApi } from "@verity/api";
import { type Database, openDatabase } from "@verity/db";
import { prepareIndex } from "@verity/indexer";
import { memoryGraph } from "../../memory-graph.ts";
import {
  type DatabaseOptions,
  type IndexOptions,
  indexRunOf,
  type ListenOptions,
} from "../../options.ts";
import { untilSignal } from "../../signals.ts";

/**
 * In order, so that bad input changes nothing: checks the options (source, network, pipelines),
 * binds the port, opens (and migrates) the database, serves the API, then indexes. When the
 * source ends (a checkpoint directory is exhausted) it logs that it is caught up and keeps
 * serving. On SIGINT/SIGTERM the commit in flight finishes, the server closes, then the database.
 *
 * @throws Error with one line for bad options, a busy port, an unreachable database or a
 *   corrupt checkpoint (the whole batches before it stay committed)
 */
export async function start(
  options: IndexOptions & DatabaseOptions & ListenOptions,
): Promise<void> {
  const stop = untilSignal();
  try {
    const index = prepareIndex({
      ...indexRunOf(options),
      signal: stop.signal,
      tty: process.stderr.isTTY ? process.stderr : undefined,
    });
    const listener = await listenApi({ port: options.port, host: options.host });
    let database: Database | undefined;
    try {
      database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
      const graph = memoryGraph(database, options.memoryGraph);
      listener.serve({ database, network: index.network.name, graph });
      console.log(
        `Verity API and explorer at ${listener.url} (OpenAPI: ${listener.url}/openapi.json), database ${database.location}`,
      );
      const watermarks = await index.into(database);
      if (!stop.signal.aborted) {
        index.logger.info(
          { watermarks: Object.fromEntries([...watermarks].map(([p, w]) => [p, w?.toString()])) },
          `caught up: no more checkpoints to index from ${index.source.description}; the API keeps serving until interrupted`,
        );
        await stop.stopped;
      }
    } finally {
      await listener.close();
      await database?.close();
    }
    index.logger.info("stopped: the API is closed, the database too");
  } finally {
    stop.dispose();
  }
}

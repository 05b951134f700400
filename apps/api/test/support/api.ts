/**
 * A running API over a fresh database on the real PostgreSQL server, filled through the
 * indexer's own write path (processors -> `runIndexer` -> `commitBatch`), served over real HTTP
 * on loopback (test tooling).
 */

import { type Database, followGraph, type LiveGraph, openDatabase } from "@verity/db";
import { createPostgresDatabase } from "@verity/testing";
import { type ApiServer, startApiServer } from "../../src/server.ts";

/** A test API: its URL, its database, and how to tear both down. */
export interface TestApi extends ApiServer {
  database: Database;
  /** The graph in memory that its lineage reads. */
  graph: LiveGraph;
  /** `fetch` relative to the API's URL. */
  get(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Starts the API on a fresh database, after `fill` has written into it, as `verity serve` does:
 * lineage reads the graph in memory (loaded before this returns), topped up on each request.
 */
export async function startTestApi(
  fill: (database: Database) => Promise<unknown> = async () => {},
): Promise<TestApi> {
  const target = await createPostgresDatabase();
  const database = await openDatabase({ url: target.url });
  await fill(database);
  const graph = followGraph(database.db);
  await graph.loaded;
  const server = await startApiServer({ database, network: "testnet", graph }, { port: 0 });
  return {
    ...server,
    database,
    graph,
    get: (path, init) => fetch(`${server.url}${path}`, init),
    async close() {
      await server.close();
      await database.close();
      await target.drop();
    },
  };
}

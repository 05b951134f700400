import { type Database, followEdges, type LiveGraph } from "@verity/db";

/**
 * The edges of `database` held in memory for the API's lineage (`followEdges`), or undefined
 * when not `enabled` (`--no-memory-graph`). Says on stdout how many edges it loaded and how long
 * that took (seconds), or on stderr why the load failed (lineage then keeps reading SQL).
 */
export function memoryGraph(database: Database, enabled: boolean): LiveGraph | undefined {
  if (!enabled) return undefined;
  const started = performance.now();
  const graph = followEdges(database.db);
  graph.loaded.then(
    () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`lineage: ${graph.size.toLocaleString("en-US")} edges in memory (${seconds} s)`);
    },
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`lineage: reads SQL; the edges could not be loaded into memory: ${reason}`);
    },
  );
  return graph;
}

import { type Database, followGraph, type LiveGraph } from "@verity/db";

/**
 * The provenance graph of `database` held in memory for the API's lineage (`followGraph`), or
 * undefined when not `enabled` (`--no-memory-graph`). Says on stdout how many edges and nodes it
 * loaded and how long that took (seconds), or on stderr why the load failed (lineage then keeps
 * reading SQL).
 */
export function memoryGraph(database: Database, enabled: boolean): LiveGraph | undefined {
  if (!enabled) return undefined;
  const started = performance.now();
  const graph = followGraph(database.db);
  graph.loaded.then(
    () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const [edges, nodes] = [graph.size, graph.nodeCount].map((n) => n.toLocaleString("en-US"));
      console.log(`lineage: ${edges} edges and ${nodes} nodes in memory (${seconds} s)`);
    },
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`lineage: reads SQL; the graph could not be loaded into memory: ${reason}`);
    },
  );
  return graph;
}

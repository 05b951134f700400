/**
 * Taint propagation, the write side of impact analysis: after a batch's rows are inserted, the
 * nodes its retractions and edges newly taint go into `tainted` (and their `nodes` rows'
 * `tainted_by`), in the same transaction (so with the same watermark). Reads then find taint with
 * a node's row instead of walking the graph.
 */
import type { EdgeKind } from "@verity/sdk";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "./database.ts";
import { rowsOf, textArray } from "./raw.ts";

/**
 * The edge kinds a retraction propagates along, from a node to what it came from. Left out:
 * `wasRevisionOf` (a new version replaces its predecessor, it does not consume it),
 * `wasAttributedTo`, `wasAssociatedWith` and `governedBy` (they end at agents and policies).
 */
export const TAINT_EDGE_KINDS = [
  "wasDerivedFrom",
  "used",
  "wasGeneratedBy",
  "wasInformedBy",
  "storedAs",
] as const satisfies readonly EdgeKind[];

/** What a batch brings that can taint: its retractions and its edges (any kinds). */
export interface TaintSources {
  /** ids of the datasets the batch retracts (`dataset_retractions.dataset_id`) */
  retracted: readonly string[];
  edges: readonly { kind: EdgeKind; src: string; dst: string }[];
}

/**
 * Adds to `tainted` every node that `sources`, already inserted in `tx` (and recorded in
 * `nodes`, whose `tainted_by` the same statement sets), taint: each retracted dataset (tainted
 * by itself), each `src` of a taint edge whose `dst` was already tainted (by the same
 * retraction), and everything downstream of those along taint edges (`dst` -> `src`, over all
 * of `edges`).
 *
 * Starting from the batch's own rows is enough: a node with a path to a retraction is either
 * already in `tainted`, or the path holds a row of the batch, and the walk from the last such
 * row reaches the node. A node already tainted is not walked again (what comes from it was
 * tainted with it, or is reached through an edge of the batch). So the result is the same
 * whatever the order of the rows in the batch or of the batches, and committing a batch again
 * adds nothing (ON CONFLICT DO NOTHING).
 *
 * One statement to find which of the edges start from a tainted node, then one call of the
 * database function `verity_taint_walks` (migration 0021), which walks from each retraction's
 * starting points in turn, smallest id first: a node reached by several gets the smallest.
 * Each walk expands a node once, so cycles end, and the walks together visit each
 * newly tainted node once (one recursive statement carrying every retraction would walk a node
 * once per retraction reaching it: on `pnpm bench:api`'s graph, 305 retractions over 759,092
 * tainted nodes, 719 s instead of seconds; one statement per walk cost a round trip and a plan
 * each: 0.97 s of `pnpm bench:indexer`'s 300 walks). Each step looks the edges up by `dst`
 * through a lateral subquery fenced with `offset 0`, so it stays on `edges_dst` whatever the
 * statistics say: while a backfill grows `edges` faster than autovacuum analyzes it, the planner
 * would otherwise hash the whole table at every step. A walk is sorted before its rows go in, so
 * it never reads rows its own statement inserts (with the statistics of a small `tainted`, the
 * planner scans it whole for each node, and a table growing under the walk would make that
 * quadratic). Given every
 * retraction and an empty table, it fills the whole table, each node with the smallest
 * retraction id reaching it (as the backfill migration `0003_backfill_tainted` does).
 *
 * @returns how many nodes were added
 * @throws the driver's error when a statement fails (the caller's transaction is then void)
 */
export async function propagateTaint(tx: Db | Tx, sources: TaintSources): Promise<number> {
  const kinds: readonly string[] = TAINT_EDGE_KINDS;
  const edges = sources.edges.filter((e) => kinds.includes(e.kind));
  const starts = new Map<string, string[]>();
  const start = (node: string, retraction: string) => {
    const nodes = starts.get(retraction);
    if (nodes) nodes.push(node);
    else starts.set(retraction, [node]);
  };
  for (const id of sources.retracted) start(id, id);
  if (edges.length > 0) {
    // Each end looked up once: many edges end at the same node (a dataset, its blob).
    const ends = [...new Set(edges.map((e) => e.dst))];
    const taintedEnds = rowsOf<{ nodeId: string; retractionId: string }>(
      await tx.execute(sql`
        select node_id as "nodeId", retraction_id as "retractionId"
        from tainted where node_id = any(${textArray(ends)})
      `),
    );
    const retractionOf = new Map(taintedEnds.map((t) => [t.nodeId, t.retractionId]));
    for (const e of edges) {
      const retraction = retractionOf.get(e.dst);
      if (retraction !== undefined) start(e.src, retraction);
    }
  }
  if (starts.size === 0) return 0;
  const retractions = [...starts].flatMap(([retraction, nodes]) => nodes.map(() => retraction));
  const [row] = rowsOf<{ added: number | string }>(
    await tx.execute(sql`
      select verity_taint_walks(
        ${textArray(retractions)}, ${textArray([...starts.values()].flat())}, ${textArray(kinds)}
      ) as added
    `),
  );
  return Number(row?.added ?? 0);
}

/**
 * The read side's taint, for a graph as of a checkpoint (which `tainted` does not record): the
 * nodes among `ids` with a path of `TAINT_EDGE_KINDS` edges (among `edges`, followed src -> dst)
 * to a retracted one (`retractions`), each with the smallest retracted id reaching it. The
 * retracted nodes themselves are not in the map.
 */
export function taintWithin(
  ids: readonly string[],
  edges: readonly { kind: string; src: string; dst: string }[],
  retractions: { has(id: string): boolean },
): Map<string, string> {
  const kinds: readonly string[] = TAINT_EDGE_KINDS;
  const into = new Map<string, string[]>();
  for (const e of edges) {
    if (!kinds.includes(e.kind)) continue;
    const srcs = into.get(e.dst);
    if (srcs) srcs.push(e.src);
    else into.set(e.dst, [e.src]);
  }
  const taintedBy = new Map<string, string>();
  for (const start of ids.filter((id) => retractions.has(id)).sort()) {
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.pop() as string;
      for (const src of into.get(node) ?? []) {
        if (taintedBy.has(src) || retractions.has(src)) continue;
        taintedBy.set(src, start);
        queue.push(src);
      }
    }
  }
  return taintedBy;
}

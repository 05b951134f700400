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
 * One statement to find which of the edges start from a tainted node, then one recursive walk
 * per retraction among the starting points, smallest id first: a node reached by several gets
 * the smallest. Each walk expands a node once, so cycles end, and the walks together visit each
 * newly tainted node once (one statement carrying every retraction would walk a node once per
 * retraction reaching it: on `pnpm bench:api`'s graph, 305 retractions over 759,092 tainted
 * nodes, 719 s instead of seconds). Each step looks the edges up by `dst` through a lateral
 * subquery fenced with `offset 0`, so it stays on `edges_dst` whatever the statistics say: while
 * a backfill grows `edges` faster than autovacuum analyzes it, the planner would otherwise hash
 * the whole table at every step. A walk is sorted before its rows go in, so it never reads rows its
 * own statement inserts (with the statistics of a small `tainted`, the planner scans it whole
 * for each node, and a table growing under the walk would make that quadratic). Given every
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
    const fromTainted = rowsOf<{ src: string; retractionId: string }>(
      await tx.execute(sql`
        select e.src, t.retraction_id as "retractionId"
        from unnest(${textArray(edges.map((e) => e.src))}, ${textArray(edges.map((e) => e.dst))})
          as e(src, dst)
        join tainted t on t.node_id = e.dst
      `),
    );
    for (const { src, retractionId } of fromTainted) start(src, retractionId);
  }
  let added = 0;
  for (const retraction of [...starts.keys()].sort()) {
    const [row] = rowsOf<{ added: number | string }>(
      await tx.execute(sql`
        with recursive down(node_id) as (
          select s.id from unnest(${textArray(starts.get(retraction) ?? [])}) as s(id)
          where not exists (select from tainted t where t.node_id = s.id)
          union
          select e.src from down d
          cross join lateral (
            select e.src from edges e
            where e.dst = d.node_id and e.kind = any(${textArray(kinds)})
            offset 0
          ) e
          where not exists (select from tainted t where t.node_id = e.src)
        ),
        added as (
          insert into tainted (node_id, retraction_id)
          select node_id, ${retraction}::text from down
          order by node_id
          on conflict do nothing
          returning node_id
        ),
        marked as (
          update nodes n set tainted_by = ${retraction}::text, xact_id = pg_current_xact_id()
          from added a where n.node_id = a.node_id
        )
        select count(*) as added from added
      `),
    );
    added += Number(row?.added ?? 0);
  }
  return added;
}

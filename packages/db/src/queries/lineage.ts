/**
 * Lineage: the part of the provenance graph reachable from one node, in W3C PROV terms. Edges
 * point from the later thing to what it came from (`dataset wasDerivedFrom parent`,
 * `attestation used input`), so *upstream* follows edges forward (src -> dst) and *downstream*
 * follows them backward (dst -> src).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { rowsOf, textArray } from "./raw.ts";

/** Which way to walk from the start node. */
export type LineageDirection = "upstream" | "downstream" | "both";

/** Limits of one lineage query. */
export interface LineageOptions {
  direction: LineageDirection;
  /** Hops from the start node, 0..`MAX_LINEAGE_DEPTH`. */
  depth: number;
  /** Most nodes returned; the query reports `truncated` when more were reachable. */
  maxNodes: number;
}

/** Deepest walk the API accepts. */
export const MAX_LINEAGE_DEPTH = 25;

/** An edge of the returned subgraph, with the proof handle of the event that established it. */
export interface LineageEdge {
  kind: string;
  src: string;
  srcKind: string;
  dst: string;
  dstKind: string;
  checkpoint: number;
  txDigest: string;
  eventIndex: number;
}

/** A reached node: its id, kind (from the edges) and its distance from the start. */
export interface LineageNode {
  id: string;
  kind: string;
  depth: number;
}

/** The subgraph around the start node. */
export interface Lineage {
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** Whether nodes were left out because of `maxNodes`. */
  truncated: boolean;
}

/**
 * Walks the graph from `start` (an object id, address or Walrus blob id) breadth-first, each
 * node once at its smallest depth (so cycles end), up to `depth` hops and `maxNodes` nodes
 * (nearest first; within a depth, by id), and returns those nodes with every edge between them.
 * The start node is always the first node (depth 0); it has kind `object` when no edge names it.
 * `truncated` says whether more nodes were within `depth` hops.
 *
 * One statement per depth (`lineageLevelQuery`: the next nodes of the ones just reached, `edges`
 * being indexed on `(src, kind, dst)` and `(dst, kind)`), stopping as soon as `maxNodes` are
 * reached or a depth adds none, then one for the edges.
 *
 * @throws RangeError for a depth outside 0..MAX_LINEAGE_DEPTH or a maxNodes below 1
 */
export async function lineage(db: Db, start: string, options: LineageOptions): Promise<Lineage> {
  const { direction, depth, maxNodes } = options;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_LINEAGE_DEPTH) {
    throw new RangeError(`depth must be an integer from 0 to ${MAX_LINEAGE_DEPTH}`);
  }
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new RangeError("maxNodes must be a positive integer");
  }
  const walked: { id: string; kind: string | null; depth: number }[] = [
    { id: start, kind: null, depth: 0 },
  ];
  const seen = [start];
  let frontier = [start];
  let truncated = false;
  for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level++) {
    const room = maxNodes - walked.length;
    const next = rowsOf<{ id: string; kind: string }>(
      await db.execute(lineageLevelQuery(frontier, seen, direction, room + 1)),
    );
    truncated = next.length > room;
    frontier = next.slice(0, room).map((n) => n.id);
    for (const n of next.slice(0, room)) walked.push({ ...n, depth: level });
    seen.push(...frontier);
  }
  const edges = await edgesAmong(db, seen);
  const kindOf = new Map<string, string>();
  for (const e of edges) kindOf.set(e.src, e.srcKind).set(e.dst, e.dstKind);
  return {
    nodes: walked.map((n) => ({ ...n, kind: n.kind ?? kindOf.get(n.id) ?? "object" })),
    edges,
    truncated,
  };
}

/**
 * One depth of the walk `lineage` runs, for `EXPLAIN` in benchmarks: the neighbours of
 * `frontier` in `direction` (upstream: the `dst` of edges from them; downstream: the `src` of
 * edges to them) that are not in `seen`, once each with the smallest kind the edges give it,
 * by id, at most `limit`. Does not check its arguments: `lineage` does.
 */
export function lineageLevelQuery(
  frontier: readonly string[],
  seen: readonly string[],
  direction: LineageDirection,
  limit: number,
): SQL {
  const from = textArray(frontier);
  const arms: SQL[] = [];
  if (direction !== "downstream") {
    arms.push(sql`select e.dst as id, e.dst_kind as kind from edges e where e.src = any(${from})`);
  }
  if (direction !== "upstream") {
    arms.push(sql`select e.src as id, e.src_kind as kind from edges e where e.dst = any(${from})`);
  }
  // Materialized: with the limit, the planner would otherwise walk a whole index of `edges` in
  // id order, filtering on the frontier, instead of looking the frontier's edges up.
  return sql`
    with next as materialized (${sql.join(arms, sql` union all `)})
    select n.id, min(n.kind) as kind
    from next as n
    where not exists (select from unnest(${textArray(seen)}) as s(id) where s.id = n.id)
    group by n.id
    order by n.id
    limit ${limit}
  `;
}

/**
 * Every edge with both ends among `ids`: the edges from them (an index lookup per id), then
 * those that end among them. Materialized, so the planner does not also look up the edges *to*
 * them, which for agents and attesters are thousands.
 */
async function edgesAmong(db: Db, ids: string[]): Promise<LineageEdge[]> {
  const idArray = textArray(ids);
  const edges = rowsOf<LineageEdge>(
    await db.execute(sql`
      with outgoing as materialized (select * from edges where src = any(${idArray}))
      select kind, src, src_kind as "srcKind", dst, dst_kind as "dstKind",
             checkpoint, tx_digest as "txDigest", event_index as "eventIndex"
      from outgoing
      where dst = any(${idArray})
      order by checkpoint, tx_digest, event_index, kind, src, dst
    `),
  );
  return edges.map((e) => ({
    ...e,
    checkpoint: Number(e.checkpoint),
    eventIndex: Number(e.eventIndex),
  }));
}

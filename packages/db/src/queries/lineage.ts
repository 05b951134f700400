/**
 * Lineage: the part of the provenance graph reachable from one node, in W3C PROV terms. Edges
 * point from the later thing to what it came from (`dataset wasDerivedFrom parent`,
 * `attestation used input`), so *upstream* follows edges forward (src -> dst) and *downstream*
 * follows them backward (dst -> src).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";

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
 * The rows of a raw query, from either driver (postgres.js: an array; PGlite: `{ rows }`).
 * Internal to the queries (not exported by the package).
 */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Walks the graph from `start` (an object id, address or Walrus blob id) breadth-first, each
 * node once at its smallest depth (so cycles end), up to `depth` hops and `maxNodes` nodes
 * (nearest first), and returns those nodes with every edge between them. The start node is
 * always the first node (depth 0); it has kind `object` when no edge names it.
 *
 * One recursive SQL statement for the walk (`edges` is indexed on `(src, kind, dst)` and
 * `(dst, kind)`), one for the edges.
 *
 * @throws RangeError for a depth outside 0..MAX_LINEAGE_DEPTH or a maxNodes below 1
 */
export async function lineage(db: Db, start: string, options: LineageOptions): Promise<Lineage> {
  const { depth, maxNodes } = options;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_LINEAGE_DEPTH) {
    throw new RangeError(`depth must be an integer from 0 to ${MAX_LINEAGE_DEPTH}`);
  }
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new RangeError("maxNodes must be a positive integer");
  }
  const walked = rowsOf<{ id: string; kind: string | null; depth: number; total: string | number }>(
    await db.execute(lineageWalkQuery(start, options)),
  );
  const edges = await edgesAmong(
    db,
    walked.map((n) => n.id),
  );
  const kindOf = new Map<string, string>();
  for (const e of edges) kindOf.set(e.src, e.srcKind).set(e.dst, e.dstKind);
  return {
    nodes: walked.map((n) => ({
      id: n.id,
      kind: n.kind ?? kindOf.get(n.id) ?? "object",
      depth: Number(n.depth),
    })),
    edges,
    truncated: Number(walked[0]?.total ?? 0) > walked.length,
  };
}

/**
 * `ids` as one `text[]` parameter. They are object ids, addresses and Walrus blob ids, so they
 * hold no characters an array literal would need to escape beyond the quotes used here.
 * Internal to the queries (not exported by the package).
 */
export function textArray(ids: readonly string[]) {
  return sql`${`{${ids.map((id) => `"${id.replaceAll(/["\\]/g, "")}"`).join(",")}}`}::text[]`;
}

/**
 * The walk statement `lineage` runs (nodes at their smallest depth, nearest first, capped), for
 * `EXPLAIN` in benchmarks. Does not check the options: `lineage` does.
 */
export function lineageWalkQuery(
  start: string,
  { direction, depth, maxNodes }: LineageOptions,
): SQL {
  return sql`
    with recursive walk(id, kind, depth) as (
      select ${start}::text, null::text, 0
      union
      select next.id, next.kind, walk.depth + 1
      from walk
      cross join lateral (
        select e.dst as id, e.dst_kind as kind from edges e
        where ${direction !== "downstream"} and e.src = walk.id
        union
        select e.src, e.src_kind from edges e
        where ${direction !== "upstream"} and e.dst = walk.id
      ) next
      where walk.depth < ${depth}
    ),
    nearest as (
      select distinct on (id) id, kind, depth from walk order by id, depth, kind nulls last
    )
    select id, kind, depth, count(*) over () as total
    from nearest order by depth, id limit ${maxNodes}
  `;
}

/** Every edge with both ends among `ids`. */
async function edgesAmong(db: Db, ids: string[]): Promise<LineageEdge[]> {
  const idArray = textArray(ids);
  const edges = rowsOf<LineageEdge>(
    await db.execute(sql`
      select kind, src, src_kind as "srcKind", dst, dst_kind as "dstKind",
             checkpoint, tx_digest as "txDigest", event_index as "eventIndex"
      from edges
      where src = any(${idArray}) and dst = any(${idArray})
      order by checkpoint, tx_digest, event_index, kind, src, dst
    `),
  );
  return edges.map((e) => ({
    ...e,
    checkpoint: Number(e.checkpoint),
    eventIndex: Number(e.eventIndex),
  }));
}

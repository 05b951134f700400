/**
 * Lineage: the part of the provenance graph reachable from one node, in W3C PROV terms. Edges
 * point from the later thing to what it came from (`dataset wasDerivedFrom parent`,
 * `attestation used input`), so *upstream* follows edges forward (src -> dst) and *downstream*
 * follows them backward (dst -> src).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { LiveGraph } from "../graph/live-graph.ts";
import { type NodeFacts, nodeFacts } from "./node-facts.ts";
import { selectRows, textArray } from "./raw.ts";

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
  /**
   * signed by an attester, or only claimed by the submitter (false); null when no attestation
   * backs the edge (see the `edges` table)
   */
  signed: boolean | null;
  /** signed by an enclave attester (false: a plain key, or unsigned); null as `signed` */
  enclave: boolean | null;
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

/** A node as the walk reaches it; `kind` is the edges' (null for the start node). */
export interface WalkedNode {
  id: string;
  kind: string | null;
  depth: number;
}

/** The nodes a walk reached, nearest first, and whether `maxNodes` left some out. */
export interface Walk {
  nodes: WalkedNode[];
  truncated: boolean;
}

/**
 * Walks the graph from `start` (an object id, address or Walrus blob id) breadth-first, each
 * node once at its smallest depth (so cycles end), up to `depth` hops and `maxNodes` nodes
 * (nearest first; within a depth, by id in code point order), and returns those nodes with every
 * edge between them. The start node is always the first node (depth 0); it has kind `object`
 * when no edge names it. `truncated` says whether more nodes were within `depth` hops.
 *
 * Reads the edges in memory when `live` is given and loaded (`followGraph`), else two
 * statements: the walk (`lineageWalkQuery`), then the edges among the nodes.
 *
 * @throws RangeError for a depth outside 0..MAX_LINEAGE_DEPTH or a maxNodes below 1
 */
export async function lineage(
  db: Db,
  start: string,
  options: LineageOptions,
  live?: LiveGraph,
): Promise<Lineage> {
  const graph = await graphReader(db, options, live);
  const walk = await graph.walk(start, options);
  const edges = await graph.edgesAmong(walk.nodes.map((n) => n.id));
  return { nodes: withEdgeKinds(walk.nodes, edges), edges, truncated: walk.truncated };
}

/**
 * The reads of a lineage: the walk (without edges: the nodes with the kind the edges that
 * reached them give, null for the start node), the edges among a set of nodes, each as
 * `lineage` describes them, and the nodes' facts (`nodeFacts`). Internal to the queries (not
 * exported by the package).
 */
export interface GraphReader {
  walk(start: string, options: LineageOptions): Walk | Promise<Walk>;
  edgesAmong(ids: readonly string[]): LineageEdge[] | Promise<LineageEdge[]>;
  nodeFacts(ids: readonly string[]): Map<string, NodeFacts> | Promise<Map<string, NodeFacts>>;
}

/**
 * Where a lineage reads the graph: `live`'s edges and nodes, topped up to now, when it is
 * loaded, else SQL on `db`. Internal to the queries.
 *
 * @throws RangeError for a depth outside 0..MAX_LINEAGE_DEPTH or a maxNodes below 1
 */
export async function graphReader(
  db: Db,
  { depth, maxNodes }: LineageOptions,
  live?: LiveGraph,
): Promise<GraphReader> {
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_LINEAGE_DEPTH) {
    throw new RangeError(`depth must be an integer from 0 to ${MAX_LINEAGE_DEPTH}`);
  }
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new RangeError("maxNodes must be a positive integer");
  }
  const held = await live?.current();
  if (!held) return sqlReader(db);
  return {
    walk: (start, options) => held.edges.walk(start, options),
    edgesAmong: (ids) => held.edges.edgesAmong(ids),
    nodeFacts: (ids) => held.nodes.facts(ids),
  };
}

/** The SQL `GraphReader` over `db`. */
const sqlReader = (db: Db): GraphReader => ({
  walk: (start, options) => walkQuery(db, start, options),
  edgesAmong: (ids) => edgesAmong(db, ids),
  nodeFacts: (ids) => nodeFacts(db, ids),
});

/** Runs `lineageWalkQuery`. */
async function walkQuery(db: Db, start: string, options: LineageOptions): Promise<Walk> {
  const rows = await selectRows<{
    id: string;
    kind: string | null;
    depth: number;
    truncated: boolean;
  }>(db, lineageWalkQuery(start, options));
  return {
    nodes: rows.map(({ id, kind, depth }) => ({ id, kind, depth: Number(depth) })),
    truncated: rows[0]?.truncated ?? false,
  };
}

/**
 * The walk statement `lineage` runs without a loaded `LiveGraph`: one row per reached node
 * (`id`, `kind`, `depth`, nearest first, then by id) with the `truncated` flag on every row.
 * Does not check the options: `lineage` does.
 *
 * A recursive query with one row per depth, carrying that depth's nodes (`frontier`, with their
 * `kinds`) and every node reached so far (`seen`): each step looks up the edges of the frontier
 * (`edges` is indexed on `src` and on `dst`), keeps the neighbours not seen yet,
 * once each with the smallest kind the edges give it, by id, at most the room left under
 * `maxNodes` (one more, to tell that some were left out). So each node is expanded once, and
 * the walk stops at `depth`, at `maxNodes`, or when a depth adds no node.
 */
function lineageWalkQuery(start: string, { direction, depth, maxNodes }: LineageOptions): SQL {
  const arms: SQL[] = [];
  if (direction !== "downstream") {
    arms.push(sql`select e.dst as id, e.dst_kind as kind from edges e
                  where e.src = any(w.frontier)`);
  }
  if (direction !== "upstream") {
    arms.push(sql`select e.src as id, e.src_kind as kind from edges e
                  where e.dst = any(w.frontier)`);
  }
  const room = sql`(${maxNodes}::int - cardinality(w.seen))`;
  return sql`
    with recursive walk(depth, frontier, kinds, seen, more) as (
      select 0, array[${start}::text], array[null::text], array[${start}::text], false
      union all
      select w.depth + 1,
             coalesce(next.ids[1:${room}], '{}'),
             coalesce(next.kinds[1:${room}], '{}'),
             w.seen || coalesce(next.ids[1:${room}], '{}'),
             next.found > ${room}
      from walk w
      cross join lateral (
        select array_agg(n.id order by n.id collate "C") as ids,
               array_agg(n.kind order by n.id collate "C") as kinds,
               count(*) as found
        from (
          select n.id, min(n.kind) as kind
          from (${sql.join(arms, sql` union all `)}) as n
          where not exists (select from unnest(w.seen) as s(id) where s.id = n.id)
          group by n.id
          order by n.id collate "C"
          limit ${room} + 1
        ) as n
      ) as next
      where w.depth < ${depth} and cardinality(w.frontier) > 0 and not w.more
    )
    select f.id, f.kind, w.depth, (select bool_or(more) from walk) as truncated
    from walk w
    cross join lateral unnest(w.frontier, w.kinds) with ordinality as f(id, kind, n)
    order by w.depth, f.n
  `;
}

/**
 * Every edge with both ends among `ids`: the edges from them (an index lookup per id), then
 * those that end among them. Materialized, so the planner does not also look up the edges *to*
 * them, which for agents and attesters are thousands. Internal to the queries.
 */
async function edgesAmong(db: Db, ids: readonly string[]): Promise<LineageEdge[]> {
  // The list goes in twice: a constant array, which PostgreSQL hashes for the filter on dst.
  const idArray = textArray(ids);
  const edges = await selectRows<LineageEdge>(
    db,
    sql`
      with outgoing as materialized (select * from edges where src = any(${idArray}))
      select kind, src, src_kind as "srcKind", dst, dst_kind as "dstKind", signed, enclave,
             checkpoint, tx_digest as "txDigest", event_index as "eventIndex"
      from outgoing
      where dst = any(${idArray})
      order by checkpoint, tx_digest collate "C", event_index, kind collate "C", src collate "C",
               dst collate "C"
    `,
  );
  return edges.map((e) => ({
    ...e,
    checkpoint: Number(e.checkpoint),
    eventIndex: Number(e.eventIndex),
  }));
}

/**
 * `nodes` with a kind each: the one the walk gave, else the one an edge among them gives (the
 * start node), else `object`. Internal to the queries.
 */
export function withEdgeKinds(
  nodes: readonly WalkedNode[],
  edges: readonly LineageEdge[],
): LineageNode[] {
  const kindOf = new Map<string, string>();
  for (const e of edges) kindOf.set(e.src, e.srcKind).set(e.dst, e.dstKind);
  return nodes.map((n) => ({ ...n, kind: n.kind ?? kindOf.get(n.id) ?? "object" }));
}

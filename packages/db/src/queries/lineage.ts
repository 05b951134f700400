/**
 * Lineage: the part of the provenance graph reachable from one node, in W3C PROV terms
 * (`graph/types.ts` says which way edges point). `provLineage`, what the API serves, completes
 * the walk's nodes with what the graph knows of them (kind, name, time, the id of the event
 * that created them: `nodes`), whether they are retracted, and whether they are tainted by
 * a retraction upstream (`nodes.tainted_by`); the write path keeps both (`recordNodes`,
 * `propagateTaint`). `lineage` is the walk and its edges alone, kinds as the edges give them.
 *
 * Both read the graph in memory when given a loaded `LiveGraph` (`followGraph`), else SQL
 * (`sqlReader`).
 */
import { type NodeKind, PROV_TYPE_OF, type ProvType } from "@verity/sdk";
import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { LiveGraph } from "../graph/live-graph.ts";
import type {
  GraphReader,
  LineageEdge,
  LineageOptions,
  NodeFacts,
  WalkedNode,
} from "../graph/types.ts";
import { selectRows, textArray } from "../raw.ts";
import type { EventId } from "../schema/columns.ts";
import { taintWithin } from "../taint.ts";
import { sqlReader } from "./walk.ts";

/** Deepest walk the API accepts. */
export const MAX_LINEAGE_DEPTH = 25;

/** A reached node: its id, kind (from the edges) and its distance from the start. */
export interface LineageNode {
  id: string;
  kind: NodeKind;
  /** hops from the start node */
  depth: number;
}

/** The subgraph around the start node, kinds as the edges give them. */
export interface Lineage {
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** Whether nodes were left out because of `maxNodes`. */
  truncated: boolean;
}

/** A node of a `provLineage`. */
export interface ProvNode {
  id: string;
  kind: NodeKind;
  /** the PROV class of `kind` */
  provType: ProvType;
  /** attestation kind or policy kind */
  subkind?: string;
  label?: string;
  /** ms since the Unix epoch; absent for agents and blobs known only from edges */
  timestampMs?: number;
  /** hops from the start node */
  depth: number;
  retracted: boolean;
  /** see `NodeFacts.tainted` */
  tainted: boolean;
  /** see `NodeFacts.taintedBy` */
  taintedBy?: string;
  /** the event that created it (see `NodeFacts.event`) */
  event: EventId;
}

/** An edge of a `provLineage`. */
export interface ProvEdge {
  kind: LineageEdge["kind"];
  src: string;
  dst: string;
  /** see `LineageEdge.signed`: signed, claimed (false), or not backed by an attestation (null) */
  signed: boolean | null;
  /** see `LineageEdge.enclave` */
  enclave: boolean | null;
  event: EventId;
}

/** The subgraph around a node, every node and edge with its event id. */
export interface ProvLineage {
  nodes: ProvNode[];
  edges: ProvEdge[];
  /** whether nodes were left out because of `maxNodes` */
  truncated: boolean;
}

/**
 * Walks the graph from `start` (an object id, address or Walrus blob id) breadth-first, each
 * node once at its smallest depth (so cycles end), up to `depth` hops and `maxNodes` nodes
 * (nearest first; within a depth, by id in code point order), and returns those nodes with every
 * edge between them. The start node is always the first node (depth 0); it has kind `object`
 * when no edge names it. `truncated` says whether more nodes were within `depth` hops.
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
 * `lineage(db, start, options, live)` with every node's facts, event id and taint: the walk, then
 * the edges among its nodes and their facts (`nodeFacts`), at once (two connections on
 * PostgreSQL; with `live` loaded, all are read in memory after its one top-up statement). A
 * node's kind is its `nodes` row's. With `options.asOf`, the walk and its edges are as of that
 * checkpoint, and so are `retracted` and the taint (worked out within the walk); names and
 * event ids are the nodes' own.
 *
 * @returns null when `start` is unknown: no entity row, no blob event and no edge names it
 * @throws RangeError for options out of range (see `lineage`)
 */
export async function provLineage(
  db: Db,
  start: string,
  options: LineageOptions,
  live?: LiveGraph,
): Promise<ProvLineage | null> {
  const graph = await graphReader(db, options, live);
  const walk = await graph.walk(start, options);
  const ids = walk.nodes.map((n) => n.id);
  const [walkEdges, facts] = await Promise.all([graph.edgesAmong(ids), graph.nodeFacts(ids)]);
  if (!facts.get(start)?.event) return null;
  // Every node has its `nodes` row: the start node's gave its event id, the others were reached
  // through edges, which name them.
  const nodes = walk.nodes.map((n): ProvNode => {
    const f = facts.get(n.id) as NodeFacts;
    const kind = f.kind as NodeKind;
    // Built field by field, in this order, rather than by spreading: hundreds per request.
    const node = { id: n.id, kind, provType: PROV_TYPE_OF[kind] } as ProvNode;
    if (f.subkind !== undefined) node.subkind = f.subkind;
    if (f.label !== undefined) node.label = f.label;
    if (f.timestampMs !== undefined) node.timestampMs = f.timestampMs;
    node.retracted = f.retracted;
    node.tainted = f.tainted;
    if (f.taintedBy !== undefined) node.taintedBy = f.taintedBy;
    node.depth = n.depth;
    node.event = f.event as EventId;
    return node;
  });
  const edges = walkEdges.map(
    ({ kind, src, dst, signed, enclave, checkpoint, txDigest, eventIndex }): ProvEdge => ({
      kind,
      src,
      dst,
      signed,
      enclave,
      event: { checkpoint, txDigest, eventIndex },
    }),
  );
  if (options.asOf !== undefined) await asOfCheckpoint(db, nodes, edges, options.asOf);
  return { nodes, edges, truncated: walk.truncated };
}

/**
 * Sets `nodes`' `retracted`, `tainted` and `taintedBy` as they were at checkpoint `asOf`: the
 * retractions at or before it, and the taint they spread along `edges` (the walk's, as of then).
 */
async function asOfCheckpoint(db: Db, nodes: ProvNode[], edges: ProvEdge[], asOf: number) {
  const ids = nodes.map((n) => n.id);
  const retracted = new Set(
    (
      await selectRows<{ id: string }>(
        db,
        sql`select dataset_id as id from dataset_retractions
            where dataset_id = any(${textArray(ids)}) and checkpoint <= ${asOf}`,
      )
    ).map((r) => r.id),
  );
  const taintedBy = taintWithin(ids, edges, retracted);
  for (const node of nodes) {
    const by = retracted.has(node.id) ? node.id : taintedBy.get(node.id);
    node.retracted = retracted.has(node.id);
    node.tainted = by !== undefined;
    if (by === undefined) delete node.taintedBy;
    else node.taintedBy = by;
  }
}

/**
 * Where a lineage reads the graph: `live`'s edges and nodes, topped up to now, when it is
 * loaded and no `asOf` is asked, else SQL on `db`.
 *
 * @throws RangeError for a depth outside 0..MAX_LINEAGE_DEPTH, a maxNodes below 1 or an asOf
 *   that is not a checkpoint sequence number
 */
async function graphReader(
  db: Db,
  { depth, maxNodes, asOf }: LineageOptions,
  live?: LiveGraph,
): Promise<GraphReader> {
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_LINEAGE_DEPTH) {
    throw new RangeError(`depth must be an integer from 0 to ${MAX_LINEAGE_DEPTH}`);
  }
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new RangeError("maxNodes must be a positive integer");
  }
  if (asOf !== undefined) {
    if (!Number.isSafeInteger(asOf) || asOf < 0) {
      throw new RangeError("asOf must be a checkpoint sequence number (a non-negative integer)");
    }
    return sqlReader(db, asOf);
  }
  return (await live?.current()) ?? sqlReader(db);
}

/**
 * `nodes` with a kind each: the one the walk gave, else the one an edge among them gives (the
 * start node), else `object`.
 */
function withEdgeKinds(nodes: readonly WalkedNode[], edges: readonly LineageEdge[]): LineageNode[] {
  const kindOf = new Map<string, NodeKind>();
  for (const e of edges) kindOf.set(e.src, e.srcKind).set(e.dst, e.dstKind);
  return nodes.map((n) => ({ ...n, kind: n.kind ?? kindOf.get(n.id) ?? "object" }));
}

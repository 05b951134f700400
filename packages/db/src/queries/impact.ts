/**
 * Lineage with proofs and impact analysis: the nodes of a `lineage` walk completed with what
 * the graph knows of them (kind, name, time, the proof handle of the event that created them:
 * `nodes`), whether they are retracted, and whether they are tainted by a retraction upstream
 * (`nodes.tainted_by`, the mirror of `tainted`); the write path keeps both (`recordNodes`,
 * `propagateTaint`).
 */
import type { Db } from "../database.ts";
import type { LiveGraph } from "../graph/live-graph.ts";
import { graphReader, type LineageOptions } from "./lineage.ts";
import type { NodeFacts, ProofHandle } from "./node-facts.ts";

/** A node's W3C PROV class. */
export type ProvType = "entity" | "activity" | "agent";

/**
 * The PROV class of a node kind: attestations and inferences are activities, attesters and
 * plain addresses agents, everything else (datasets, models, blobs, policies, unknown objects)
 * entities.
 */
export function provTypeOf(kind: string): ProvType {
  if (kind === "attestation" || kind === "inference") return "activity";
  if (kind === "attester" || kind === "agent") return "agent";
  return "entity";
}

/** A node of a `provLineage`. */
export interface ProvNode {
  id: string;
  /** `dataset`, `model`, `attestation`, `inference`, `attester`, `agent`, `blob`, `policy`, `object` */
  kind: string;
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
  /** the event that created it (see `NodeFacts.proof`) */
  proof: ProofHandle;
}

/** An edge of a `provLineage` (kinds: the table on `edges`). */
export interface ProvEdge {
  kind: string;
  src: string;
  dst: string;
  /** see `LineageEdge.signed`: signed, claimed (false), or not backed by an attestation (null) */
  signed: boolean | null;
  /** see `LineageEdge.enclave` */
  enclave: boolean | null;
  proof: ProofHandle;
}

/** The subgraph around a node, every node and edge with its proof. */
export interface ProvLineage {
  nodes: ProvNode[];
  edges: ProvEdge[];
  /** whether nodes were left out because of `maxNodes` */
  truncated: boolean;
}

/**
 * `lineage(db, start, options, live)` with every node's facts, proof and taint: the walk, then
 * the edges among its nodes and their facts (`nodeFacts`), at once (two connections on
 * PostgreSQL; with `live` loaded, all are read in memory after its one top-up statement). A
 * node's kind is its `nodes` row's.
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
  if (!facts.get(start)?.proof) return null;
  // Every node has its `nodes` row: the start node's gave its proof, the others were reached
  // through edges, which name them.
  const nodes = walk.nodes.map((n): ProvNode => {
    const f = facts.get(n.id) as NodeFacts;
    const kind = f.kind as string;
    // Built field by field, in this order, rather than by spreading: hundreds per request.
    const node = { id: n.id, kind, provType: provTypeOf(kind) } as ProvNode;
    if (f.subkind !== undefined) node.subkind = f.subkind;
    if (f.label !== undefined) node.label = f.label;
    if (f.timestampMs !== undefined) node.timestampMs = f.timestampMs;
    node.retracted = f.retracted;
    node.tainted = f.tainted;
    if (f.taintedBy !== undefined) node.taintedBy = f.taintedBy;
    node.depth = n.depth;
    node.proof = f.proof as ProofHandle;
    return node;
  });
  const edges = walkEdges.map(
    ({ kind, src, dst, signed, enclave, checkpoint, txDigest, eventIndex }): ProvEdge => ({
      kind,
      src,
      dst,
      signed,
      enclave,
      proof: { checkpoint, txDigest, eventIndex },
    }),
  );
  return { nodes, edges, truncated: walk.truncated };
}

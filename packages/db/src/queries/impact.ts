/**
 * Lineage with proofs and impact analysis: the nodes of a `lineage` walk completed with what
 * the graph knows of them (kind, name, time, the proof handle of the event that created them:
 * `nodes`), whether they are retracted, and whether they are tainted by a retraction upstream
 * (`nodes.tainted_by`, the mirror of `tainted`); the write path keeps both (`recordNodes`,
 * `propagateTaint`).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { LiveGraph } from "../graph/live-graph.ts";
import { edgeReader, type LineageOptions } from "./lineage.ts";
import { selectRows, textArray } from "./raw.ts";

/** Where on chain a fact was emitted (see `proof()` in the schema). */
export interface ProofHandle {
  /** checkpoint sequence number */
  checkpoint: number;
  /** base58 transaction digest */
  txDigest: string;
  /** the event's position among its transaction's events */
  eventIndex: number;
}

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

/** What the graph knows of one node (its `nodes` row, retraction and taint). */
export interface NodeFacts {
  /**
   * `dataset`, `model`, `attestation`, `inference`, `attester`, `policy` (from its entity row),
   * `blob` (from a Walrus blob event), else the kind the first edge naming it gives (`agent`,
   * `object`, ...); null when nothing names it.
   */
  kind: string | null;
  /** attestation kind (`transform`, `training`, ...) or policy kind (`allowlist`, ...) */
  subkind?: string;
  /** name of a dataset, model, attester or policy */
  label?: string;
  /** time of the creating event, ms since the Unix epoch (signed time for attestations) */
  timestampMs?: number;
  /** a dataset with a `DatasetRetracted` */
  retracted: boolean;
  /**
   * Retracted, or has a path of `TAINT_EDGE_KINDS` edges, followed src -> dst ("came from"), to
   * a retracted dataset (a row of `tainted`, mirrored by `nodes.tainted_by`).
   */
  tainted: boolean;
  /**
   * when tainted: a retracted dataset it comes from (`nodes.tainted_by`, the `tainted` row's
   * `retraction_id`)
   */
  taintedBy?: string;
  /**
   * The creating event (the `nodes` row's proof): the dataset / model / attestation / inference /
   * attester / policy row; for a blob its first `walrus_blob_events` row; otherwise (agents,
   * blobs Walrus did not report, unknown objects) the first edge naming it. Null when nothing
   * names it.
   */
  proof: ProofHandle | null;
}

/**
 * `NodeFacts` for each of `ids` (every id is a key): one lookup by id in `nodes` (its hash
 * index) and in `dataset_retractions`, which the write path keeps (`recordNodes`, and
 * `propagateTaint` for `nodes.tainted_by`).
 */
export async function nodeFacts(db: Db, ids: readonly string[]): Promise<Map<string, NodeFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<{
    id: string;
    kind: string | null;
    subkind: string | null;
    label: string | null;
    timestampMs: string | number | null;
    retracted: boolean;
    taintedBy: string | null;
    checkpoint: string | number | null;
    txDigest: string | null;
    eventIndex: number | null;
  }>(db, nodeFactsQuery(ids));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        kind: r.kind,
        ...(r.subkind !== null && { subkind: r.subkind }),
        ...(r.label !== null && { label: r.label }),
        ...(r.timestampMs !== null && { timestampMs: Number(r.timestampMs) }),
        retracted: r.retracted,
        tainted: r.taintedBy !== null,
        ...(r.taintedBy !== null && { taintedBy: r.taintedBy }),
        proof:
          r.checkpoint === null || r.txDigest === null || r.eventIndex === null
            ? null
            : {
                checkpoint: Number(r.checkpoint),
                txDigest: r.txDigest,
                eventIndex: Number(r.eventIndex),
              },
      },
    ]),
  );
}

/** The statement `nodeFacts` runs, for `EXPLAIN` in benchmarks. */
export function nodeFactsQuery(ids: readonly string[]): SQL {
  return sql`
    select n.id, g.kind, g.subkind, g.label, g.timestamp_ms as "timestampMs",
           r.dataset_id is not null as retracted, g.tainted_by as "taintedBy",
           g.checkpoint, g.tx_digest as "txDigest", g.event_index as "eventIndex"
    from unnest(${textArray(ids)}) as n(id)
    left join nodes g on g.node_id = n.id
    left join dataset_retractions r on r.dataset_id = n.id
  `;
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
 * PostgreSQL; with `live` loaded, the walk and edges are read in memory and the facts are the
 * one statement). A node's kind is its `nodes` row's.
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
  const graph = await edgeReader(db, options, live);
  const walk = await graph.walk(start, options);
  const ids = walk.nodes.map((n) => n.id);
  const [walkEdges, facts] = await Promise.all([graph.edgesAmong(ids), nodeFacts(db, ids)]);
  if (!facts.get(start)?.proof) return null;
  // Every node has its `nodes` row: the start node's gave its proof, the others were reached
  // through edges, which name them.
  const nodes = walk.nodes.map((n): ProvNode => {
    const { kind, proof, ...rest } = facts.get(n.id) as NodeFacts;
    return {
      id: n.id,
      kind: kind as string,
      provType: provTypeOf(kind as string),
      ...rest,
      depth: n.depth,
      proof: proof as ProofHandle,
    };
  });
  const edges = walkEdges.map(
    ({ kind, src, dst, checkpoint, txDigest, eventIndex }): ProvEdge => ({
      kind,
      src,
      dst,
      proof: { checkpoint, txDigest, eventIndex },
    }),
  );
  return { nodes, edges, truncated: walk.truncated };
}

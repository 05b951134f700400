/**
 * Lineage with proofs and impact analysis: the nodes of a `lineage` walk completed with what
 * the entity tables know of them (kind, name, time, the proof handle of the event that created
 * them), whether they are retracted, and whether they are tainted by a retraction upstream (read
 * from `tainted`, which the write path keeps: `propagateTaint`).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { edgesAmong, type LineageOptions, walkFrom, withEdgeKinds } from "./lineage.ts";
import { rowsOf, textArray } from "./raw.ts";

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

/** What the entity tables say about one node. */
export interface NodeFacts {
  /** From the table holding its row (`dataset`, `model`, ...), null when none does. */
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
   * a retracted dataset (a row of `tainted`).
   */
  tainted: boolean;
  /** when tainted: a retracted dataset it comes from (the `tainted` row's `retraction_id`) */
  taintedBy?: string;
  /**
   * The creating event: the dataset / model / attestation / inference / attester / policy row;
   * for a blob its first `walrus_blob_events` row; otherwise (agents, blobs Walrus did not
   * report, unknown objects) the first edge naming it. Null when nothing names it.
   */
  proof: ProofHandle | null;
}

/**
 * `NodeFacts` for each of `ids` (every id is a key). "First" is in (checkpoint, tx digest,
 * event index) order.
 *
 * `kinds` (optional, one per id): the kind the edges give each node, as a walk found it. A node
 * whose edges say `dataset`, `model`, `attestation`, `inference`, `attester`, `policy` or `blob`
 * is looked up in that table only, an `agent` in none (edges are typed by the events that made
 * them); one with kind `object` or null, or without `kinds`, in every table.
 */
export async function nodeFacts(
  db: Db,
  ids: readonly string[],
  kinds?: readonly (string | null)[],
): Promise<Map<string, NodeFacts>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{
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
  }>(await db.execute(nodeFactsQuery(ids, kinds)));
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
export function nodeFactsQuery(ids: readonly string[], kinds?: readonly (string | null)[]): SQL {
  // Each row is looked up by its key (lateral, with a limit that changes nothing: the key is
  // unique), so the planner probes the indexes per id instead of hashing whole small tables,
  // and only where the node's edge kind allows (a one-time filter per id).
  // The first edge naming a node is its proof only when no table holds a row of it.
  const may = (kind: string) => `(n.kind in ('${kind}', 'object') or n.kind is null)`;
  const rowOf = (alias: string, table: string, key: string, kind: string) =>
    sql.raw(`left join lateral (
      select * from ${table} where ${key} = n.id and ${may(kind)} limit 1
    ) ${alias} on true`);
  const noRow = sql.raw(
    "coalesce(d.dataset_id, m.model_id, a.attestation_id, i.inference_id, t.attester_id, p.policy_id, w.tx_digest) is null",
  );
  return sql`
    select n.id,
      case when d.dataset_id is not null then 'dataset'
           when m.model_id is not null then 'model'
           when a.attestation_id is not null then 'attestation'
           when i.inference_id is not null then 'inference'
           when t.attester_id is not null then 'attester'
           when p.policy_id is not null then 'policy'
           when w.checkpoint is not null then 'blob' end as kind,
      coalesce(a.kind, p.kind) as subkind,
      coalesce(d.name, m.name, t.name, p.name) as label,
      coalesce(d.timestamp_ms, m.timestamp_ms, a.timestamp_ms, i.timestamp_ms,
               t.timestamp_ms, p.timestamp_ms, w.timestamp_ms) as "timestampMs",
      r.dataset_id is not null as retracted,
      x.retraction_id as "taintedBy",
      coalesce(d.checkpoint, m.checkpoint, a.checkpoint, i.checkpoint, t.checkpoint,
               p.checkpoint, w.checkpoint, f.checkpoint) as checkpoint,
      coalesce(d.tx_digest, m.tx_digest, a.tx_digest, i.tx_digest, t.tx_digest,
               p.tx_digest, w.tx_digest, f.tx_digest) as "txDigest",
      coalesce(d.event_index, m.event_index, a.event_index, i.event_index, t.event_index,
               p.event_index, w.event_index, f.event_index) as "eventIndex"
    from unnest(${textArray(ids)}, ${textArray(kinds ?? [])}) as n(id, kind)
    ${sql.join(
      [
        rowOf("d", "datasets", "dataset_id", "dataset"),
        rowOf("m", "models", "model_id", "model"),
        rowOf("a", "attestations", "attestation_id", "attestation"),
        rowOf("i", "inferences", "inference_id", "inference"),
        rowOf("t", "attesters", "attester_id", "attester"),
        rowOf("p", "policies", "policy_id", "policy"),
        rowOf("r", "dataset_retractions", "dataset_id", "dataset"),
      ],
      sql`\n`,
    )}
    left join lateral (select retraction_id from tainted where node_id = n.id limit 1) x on true
    left join lateral (
      select checkpoint, tx_digest, event_index, timestamp_ms from walrus_blob_events
      where blob_id = n.id and ${sql.raw(may("blob"))}
      order by checkpoint, tx_digest, event_index limit 1
    ) w on true
    left join lateral (
      select * from (
        (select checkpoint, tx_digest, event_index from edges where src = n.id and ${noRow}
         order by checkpoint, tx_digest, event_index limit 1)
        union all
        (select checkpoint, tx_digest, event_index from edges where dst = n.id and ${noRow}
         order by checkpoint, tx_digest, event_index limit 1)
      ) both_ends order by checkpoint, tx_digest, event_index limit 1
    ) f on true
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
 * `lineage(db, start, options)` with every node's facts, proof and taint: the walk, then the
 * edges among its nodes and their facts (`nodeFacts`), at once (two connections on PostgreSQL). A node's kind is that of its table row when it has one, else
 * the kind the edges give it.
 *
 * @returns null when `start` is unknown: no entity row, no blob event and no edge names it
 * @throws RangeError for options out of range (see `lineage`)
 */
export async function provLineage(
  db: Db,
  start: string,
  options: LineageOptions,
): Promise<ProvLineage | null> {
  const walk = await walkFrom(db, start, options);
  const ids = walk.nodes.map((n) => n.id);
  const [walkEdges, facts] = await Promise.all([
    edgesAmong(db, ids),
    nodeFacts(
      db,
      ids,
      walk.nodes.map((n) => n.kind),
    ),
  ]);
  if (!facts.get(start)?.proof) return null;
  const nodes = withEdgeKinds(walk.nodes, walkEdges).map((n): ProvNode => {
    const { kind, proof, ...rest } = facts.get(n.id) as NodeFacts;
    const resolved = kind ?? n.kind;
    return {
      id: n.id,
      kind: resolved,
      provType: provTypeOf(resolved),
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

/**
 * What the graph knows of each node of a lineage: its `nodes` row (kind, name, time, the proof
 * handle of the event that created it), whether it is a retracted dataset, and its taint. Read
 * by id from SQL here, or from memory (`NodeTable`) when a `LiveGraph` is loaded.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
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

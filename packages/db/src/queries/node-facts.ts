/**
 * What the graph knows of each node of a lineage: its `nodes` row (kind, name, time, the id of
 * the event that created it), whether it is a retracted dataset, and its taint. Read
 * by id from SQL here, or from memory (`NodeTable`) when a `LiveGraph` is loaded.
 */

import type { NodeKind } from "@verity/sdk";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { NodeFacts } from "../graph/types.ts";
import { selectRows, textArray } from "../raw.ts";

/**
 * `NodeFacts` for each of `ids` (every id is a key): one lookup by id in `nodes` (its hash
 * index) and in `dataset_retractions`, which the write path keeps (`recordNodes`, and
 * `propagateTaint` for `nodes.tainted_by`).
 */
export async function nodeFacts(db: Db, ids: readonly string[]): Promise<Map<string, NodeFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<{
    id: string;
    kind: NodeKind | null;
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
        event:
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

/**
 * The graph's nodes, kept at write time: after a batch's rows are inserted, each id they name
 * gets (or keeps) its `nodes` row, in the same transaction (so with the same watermark). Reads
 * then describe a node with one lookup by id instead of one per entity table.
 */
import type { NodeKind } from "@verity/sdk";
import { sql } from "drizzle-orm";
import { renderTableCopyText } from "./copy.ts";
import type { Db, Tx } from "./database.ts";
import { upsertRows } from "./insert-new.ts";
import type { EventId } from "./schema/columns.ts";
import { nodes } from "./schema/index.ts";
import type { InsertRow, Rows, TableName } from "./tables.ts";

/** A `nodes` row: an id and the fact that describes it. */
type NodeRow = typeof nodes.$inferInsert;

/**
 * The `source` of a node row: which fact describes it (the lower, the better). A
 * `DatasetRetracted` counts as a typed edge naming its dataset.
 */
export const NODE_SOURCE = { row: 0, blobEvent: 1, typedEdge: 2, untypedEdge: 3 } as const;

type Described = Pick<NodeRow, "subkind" | "label" | "timestampMs">;

const eventIdOf = ({ checkpoint, txDigest, eventIndex }: EventId) => ({
  checkpoint,
  txDigest,
  eventIndex,
});

/** An entity row's node. */
const entity = (nodeId: string, kind: NodeKind, row: EventId, described: Described): NodeRow => ({
  nodeId,
  kind,
  subkind: described.subkind ?? null,
  label: described.label ?? null,
  timestampMs: described.timestampMs ?? null,
  source: NODE_SOURCE.row,
  ...eventIdOf(row),
});

/** An edge end's node (or a retracted dataset's): its kind as the event gives it. */
const edgeEnd = (nodeId: string, kind: NodeKind, edge: EventId): NodeRow => ({
  nodeId,
  kind,
  subkind: null,
  label: null,
  timestampMs: null,
  source: kind === "object" ? NODE_SOURCE.untypedEdge : NODE_SOURCE.typedEdge,
  ...eventIdOf(edge),
});

/** The node rows each table's rows describe (tables not listed name no node). */
const describers: { [T in TableName]?: (row: InsertRow<T>) => NodeRow[] } = {
  datasets: (r) => [
    entity(r.datasetId, "dataset", r, { label: r.name, timestampMs: r.timestampMs }),
  ],
  models: (r) => [entity(r.modelId, "model", r, { label: r.name, timestampMs: r.timestampMs })],
  attestations: (r) => [
    entity(r.attestationId, "attestation", r, { subkind: r.kind, timestampMs: r.timestampMs }),
  ],
  inferences: (r) => [entity(r.inferenceId, "inference", r, { timestampMs: r.timestampMs })],
  attesters: (r) => [
    entity(r.attesterId, "attester", r, { label: r.name, timestampMs: r.timestampMs }),
  ],
  policies: (r) => [
    entity(r.policyId, "policy", r, {
      subkind: r.kind,
      label: r.name ?? null,
      timestampMs: r.timestampMs,
    }),
  ],
  walrusBlobEvents: (r) => [
    {
      ...entity(r.blobId, "blob", r, { timestampMs: r.timestampMs }),
      source: NODE_SOURCE.blobEvent,
    },
  ],
  edges: (r) => [edgeEnd(r.src, r.srcKind, r), edgeEnd(r.dst, r.dstKind, r)],
  // A retraction may be committed before its dataset's registration (batches commit out of
  // order): the row it gives the dataset is there for `propagateTaint` to mark in any order.
  datasetRetractions: (r) => [edgeEnd(r.datasetId, "dataset", r)],
};

/**
 * Whether `a` describes its node better than `b`: a lower `source`, then an earlier event
 * id (checkpoint, tx digest in code-unit order, which for base58 is byte order, event index), then
 * (one event's edges naming the node twice) the kind in byte order.
 */
function describesBetter(a: NodeRow, b: NodeRow): boolean {
  if (a.source !== b.source) return a.source < b.source;
  if (a.checkpoint !== b.checkpoint) return a.checkpoint < b.checkpoint;
  if (a.txDigest !== b.txDigest) return a.txDigest < b.txDigest;
  if (a.eventIndex !== b.eventIndex) return a.eventIndex < b.eventIndex;
  return a.kind < b.kind;
}

/**
 * The same order in SQL, for the upsert: a row already there is replaced only by a better one,
 * so the table ends the same whatever the order of the batches (digests compared in byte
 * order, `collate "C"`, whatever the database's collation).
 */
const KEEP_THE_BETTER = sql.raw(`on conflict (node_id) do update set
  kind = excluded.kind, subkind = excluded.subkind, label = excluded.label,
  timestamp_ms = excluded.timestamp_ms, source = excluded.source,
  checkpoint = excluded.checkpoint, tx_digest = excluded.tx_digest, event_index = excluded.event_index,
  xact_id = pg_current_xact_id()
  where (excluded.source, excluded.checkpoint, excluded.tx_digest collate "C",
         excluded.event_index, excluded.kind collate "C")
      < (nodes.source, nodes.checkpoint, nodes.tx_digest collate "C",
         nodes.event_index, nodes.kind collate "C")`);

/**
 * The best node row per id among what `rows` (a batch's rows, by table) describe, in id order.
 */
function nodeRowsOf(rows: ReadonlyMap<TableName, readonly object[]>): NodeRow[] {
  const best = new Map<string, NodeRow>();
  for (const [name, list] of rows) {
    const describe = describers[name] as ((row: object) => NodeRow[]) | undefined;
    if (!describe) continue;
    for (const row of list) {
      for (const node of describe(row)) {
        const held = best.get(node.nodeId);
        if (!held || describesBetter(node, held)) best.set(node.nodeId, node);
      }
    }
  }
  return [...best.values()].sort((a, b) =>
    a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0,
  );
}

/**
 * Records in `nodes` every node that `rows` (a batch's rows by table, already inserted in `tx`)
 * name: new ids get a row, known ones take the batch's fact when it describes them better
 * (`describesBetter`). Rows go in id order, so two pipelines committing at once lock shared
 * node rows in the same order. Committing a batch again changes nothing.
 *
 * @returns how many node rows were inserted or replaced
 * @throws the driver's error when the statement fails (the caller's transaction is then void)
 */
export function recordNodes(
  tx: Db | Tx,
  rows: ReadonlyMap<TableName, readonly object[]>,
): Promise<number> {
  return upsertRows(tx, nodes, nodeRowsOf(rows), KEEP_THE_BETTER);
}

/** Node rows worked out ahead (`prepareNodes`), by the batch's rows. */
const prepared = new WeakMap<Rows, NodeRow[]>();

/**
 * Works out now the `nodes` rows of a batch's `rows` and renders their COPY text, so that
 * `recordPreparedNodes` of the same `rows` object (unchanged) upserts them without doing it
 * while its transaction waits.
 */
export async function prepareNodes(rows: Rows): Promise<void> {
  const nodeRows = nodeRowsOf(new Map(Object.entries(rows) as [TableName, object[]][]));
  prepared.set(rows, nodeRows);
  await renderTableCopyText(nodes, nodeRows);
}

/**
 * `recordNodes` of a batch's `rows` (by table), with the node rows `prepareNodes` worked out
 * for `rows` when it did, else worked out from `merged` (the same rows, as `commitBatch`
 * merges them).
 *
 * @throws as `recordNodes`
 */
export function recordPreparedNodes(
  tx: Tx,
  rows: Rows | undefined,
  merged: ReadonlyMap<TableName, readonly object[]>,
): Promise<number> {
  const ahead = rows && prepared.get(rows);
  return ahead ? upsertRows(tx, nodes, ahead, KEEP_THE_BETTER) : recordNodes(tx, merged);
}

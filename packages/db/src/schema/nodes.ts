/**
 * The nodes of the provenance graph, kept at write time: one row per id that an entity row, a
 * Walrus blob event or an edge names, holding what a lineage answer shows of it, so that reading
 * a node is one index lookup instead of one per table. Derived from the append-only tables, in
 * the same transaction as the rows it is derived from (`recordNodes`, called by `commitBatch`).
 */
import type { NodeKind } from "@verity/sdk";
import { index, pgTable, smallint, text } from "drizzle-orm/pg-core";
import { eventId, objectId, timeMs, writtenBy } from "./columns.ts";

/**
 * Every node of the graph once, described by the best fact known of it: its entity row
 * (`source` 0: dataset, model, attestation, inference, attester or policy), else its first
 * Walrus blob event (1: kind `blob`), else the first edge naming it with a kind (2), else the
 * first edge naming it at all (3: kind `object`); a `DatasetRetracted` names its dataset as a
 * typed edge does (2: kind `dataset`). "First" is in (checkpoint, tx digest in byte order, event
 * index) order, ties (one event naming a node twice) broken by kind. The event id is that
 * fact's event, the one that created the node as far as the graph knows.
 *
 * `tainted_by` mirrors the node's `tainted` row (`propagateTaint` writes both in one statement),
 * so a lineage answer reads a node's facts and its taint with one lookup.
 */
export const nodes = pgTable(
  "nodes",
  {
    /** object id, address or Walrus blob id */
    nodeId: text("node_id").primaryKey(),
    /** one of the sdk's `NODE_KINDS` */
    kind: text("kind").$type<NodeKind>().notNull(),
    /** attestation kind (`transform`, `training`, ...) or policy kind (`allowlist`, ...) */
    subkind: text("subkind"),
    /** name of a dataset, model, attester or policy */
    label: text("label"),
    /** time of the entity row's or blob event's event (signed time for attestations); null for edges */
    timestampMs: timeMs("timestamp_ms"),
    /** which fact describes the node: 0 entity row, 1 blob event, 2 typed edge, 3 untyped edge */
    source: smallint("source").notNull(),
    /** the node's `tainted.retraction_id`: a retracted dataset it comes from; null when untainted */
    taintedBy: objectId("tainted_by"),
    ...eventId(),
    /**
     * the transaction that last wrote the row, so `LiveGraph` can read what changed since: the
     * upsert (`recordNodes`) and `propagateTaint` set it on every update
     */
    xactId: writtenBy("xact_id"),
  },
  (t) => [
    // The lineage reads look nodes up by id, hundreds per request: a hash index answers an
    // equality probe from one bucket page, where the primary key's B-tree descends its levels
    // (see README, Measurements). The primary key stays for the upsert's ON CONFLICT.
    index("nodes_node_id_hash").using("hash", t.nodeId),
    // The rows written since a snapshot (`LiveGraph`'s catch-up): a range from the snapshot's xmin.
    index("nodes_xact_id").on(t.xactId),
  ],
);

/**
 * The nodes of the provenance graph, kept at write time: one row per id that an entity row, a
 * Walrus blob event or an edge names, holding what a lineage answer shows of it, so that reading
 * a node is one index lookup instead of one per table. Derived from the append-only tables, in
 * the same transaction as the rows it is derived from (`recordNodes`, called by `commitBatch`).
 */
import { pgTable, smallint, text } from "drizzle-orm/pg-core";
import { proof, timeMs } from "./columns.ts";

/**
 * Every node of the graph once, described by the best fact known of it: its entity row
 * (`source` 0: dataset, model, attestation, inference, attester or policy), else its first
 * Walrus blob event (1: kind `blob`), else the first edge naming it with a kind (2), else the
 * first edge naming it at all (3: kind `object`). "First" is in (checkpoint, tx digest in byte
 * order, event index) order, ties (one event naming a node twice) broken by kind. The proof handle is that fact's event, the one that created the
 * node as far as the graph knows.
 */
export const nodes = pgTable("nodes", {
  /** object id, address or Walrus blob id */
  nodeId: text("node_id").primaryKey(),
  /** `dataset`, `model`, `attestation`, `inference`, `attester`, `policy`, `blob`, `agent`, `object` */
  kind: text("kind").notNull(),
  /** attestation kind (`transform`, `training`, ...) or policy kind (`allowlist`, ...) */
  subkind: text("subkind"),
  /** name of a dataset, model, attester or policy */
  label: text("label"),
  /** time of the entity row's or blob event's event (signed time for attestations); null for edges */
  timestampMs: timeMs("timestamp_ms"),
  /** which fact describes the node: 0 entity row, 1 blob event, 2 typed edge, 3 untyped edge */
  source: smallint("source").notNull(),
  ...proof(),
});

/**
 * Impact analysis, kept at write time: which nodes of the provenance graph a retraction taints.
 * Derived from `dataset_retractions` and `edges` (not from events of its own), in the same
 * transaction as the rows it is derived from (`propagateTaint`, called by `commitBatch`).
 */
import { pgTable, text } from "drizzle-orm/pg-core";
import { objectId } from "./columns.ts";

/**
 * Every tainted node, once: a retracted dataset, or a node with a path of taint edges
 * (`TAINT_EDGE_KINDS`, followed src -> dst, "came from") to one. `retraction_id` is a retracted
 * dataset that taints it (its `dataset_retractions` row is the reason); when several do, the one
 * recorded depends on the order in which the batches that tainted it were committed.
 */
export const tainted = pgTable("tainted", {
  /** object id, address or Walrus blob id */
  nodeId: text("node_id").primaryKey(),
  retractionId: objectId("retraction_id").notNull(),
});

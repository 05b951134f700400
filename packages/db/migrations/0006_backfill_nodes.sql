-- Custom SQL migration (drizzle-kit generate --custom): fills `nodes` from the rows indexed
-- before it existed, as `recordNodes` (src/nodes.ts) does batch by batch and keeps it from then
-- on: each id once, described by its entity row (source 0), else its first Walrus blob event
-- (1), else the first edge naming it with a kind (2), else the first edge naming it (3); first
-- in (checkpoint, tx digest in byte order, event index, then kind in byte order) order.
-- Reads every edge once (25 s at 4.7M edges), so a statement timeout set on the role or the
-- database must not cut it off: lifted for the rest of the migration transaction only.
SET LOCAL statement_timeout = 0;--> statement-breakpoint
INSERT INTO "nodes" ("node_id", "kind", "subkind", "label", "timestamp_ms", "source", "checkpoint", "tx_digest", "event_index")
SELECT DISTINCT ON ("node_id") "node_id", "kind", "subkind", "label", "timestamp_ms", "source", "checkpoint", "tx_digest", "event_index"
FROM (
	SELECT "dataset_id" AS "node_id", 'dataset' AS "kind", NULL::text AS "subkind", "name" AS "label", "timestamp_ms", 0::smallint AS "source", "checkpoint", "tx_digest", "event_index" FROM "datasets"
	UNION ALL SELECT "model_id", 'model', NULL, "name", "timestamp_ms", 0, "checkpoint", "tx_digest", "event_index" FROM "models"
	UNION ALL SELECT "attestation_id", 'attestation', "kind", NULL, "timestamp_ms", 0, "checkpoint", "tx_digest", "event_index" FROM "attestations"
	UNION ALL SELECT "inference_id", 'inference', NULL, NULL, "timestamp_ms", 0, "checkpoint", "tx_digest", "event_index" FROM "inferences"
	UNION ALL SELECT "attester_id", 'attester', NULL, "name", "timestamp_ms", 0, "checkpoint", "tx_digest", "event_index" FROM "attesters"
	UNION ALL SELECT "policy_id", 'policy', "kind", "name", "timestamp_ms", 0, "checkpoint", "tx_digest", "event_index" FROM "policies"
	UNION ALL SELECT "blob_id", 'blob', NULL, NULL, "timestamp_ms", 1, "checkpoint", "tx_digest", "event_index" FROM "walrus_blob_events"
	UNION ALL SELECT "src", "src_kind", NULL, NULL, NULL, CASE WHEN "src_kind" = 'object' THEN 3 ELSE 2 END, "checkpoint", "tx_digest", "event_index" FROM "edges"
	UNION ALL SELECT "dst", "dst_kind", NULL, NULL, NULL, CASE WHEN "dst_kind" = 'object' THEN 3 ELSE 2 END, "checkpoint", "tx_digest", "event_index" FROM "edges"
) AS "facts"
ORDER BY "node_id", "source", "checkpoint", "tx_digest" COLLATE "C", "event_index", "kind" COLLATE "C";

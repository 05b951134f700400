-- Custom SQL migration (drizzle-kit generate --custom): brings `nodes` to what `recordNodes` and
-- `propagateTaint` (src/nodes.ts, src/taint.ts) keep from now on. A retracted dataset no entity
-- row or blob event describes takes its node row from its first retraction (kind `dataset`,
-- source 2, as a typed edge end; kept when an earlier typed edge names it), so every tainted
-- node has a row; then every row takes its `tainted` row's retraction id as `tainted_by`. One
-- pass over `tainted`, so a statement timeout set on the role or the database must not cut it
-- off: lifted for this transaction only.
SET LOCAL statement_timeout = 0;--> statement-breakpoint
INSERT INTO "nodes" ("node_id", "kind", "source", "checkpoint", "tx_digest", "event_index")
SELECT DISTINCT ON ("dataset_id") "dataset_id", 'dataset', 2, "checkpoint", "tx_digest", "event_index"
FROM "dataset_retractions"
ORDER BY "dataset_id", "checkpoint", "tx_digest" COLLATE "C", "event_index"
ON CONFLICT ("node_id") DO UPDATE SET "kind" = excluded."kind", "subkind" = excluded."subkind",
	"label" = excluded."label", "timestamp_ms" = excluded."timestamp_ms", "source" = excluded."source",
	"checkpoint" = excluded."checkpoint", "tx_digest" = excluded."tx_digest", "event_index" = excluded."event_index"
WHERE (excluded."source", excluded."checkpoint", excluded."tx_digest" COLLATE "C", excluded."event_index", excluded."kind" COLLATE "C")
	< ("nodes"."source", "nodes"."checkpoint", "nodes"."tx_digest" COLLATE "C", "nodes"."event_index", "nodes"."kind" COLLATE "C");--> statement-breakpoint
UPDATE "nodes" SET "tainted_by" = "tainted"."retraction_id"
FROM "tainted"
WHERE "tainted"."node_id" = "nodes"."node_id";

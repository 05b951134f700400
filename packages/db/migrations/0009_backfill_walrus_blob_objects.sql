-- Custom SQL migration (drizzle-kit generate --custom): fills `walrus_blob_objects` from the
-- Walrus events indexed before it existed, as `recordBlobObjects` (src/blob-objects.ts) does batch
-- by batch and keeps it from then on: per Blob object, the furthest status its events reached
-- (registered < certified < deleted) and the chain time of its first event.
SET LOCAL statement_timeout = 0;--> statement-breakpoint
INSERT INTO "walrus_blob_objects" ("network", "object_id", "blob_id", "status", "first_seen_ms")
SELECT "network", "object_id", min("blob_id"),
	(ARRAY['registered', 'certified', 'deleted'])[max(array_position(ARRAY['registered', 'certified', 'deleted'], "kind"))],
	min("timestamp_ms")
FROM "walrus_blob_events"
WHERE "object_id" IS NOT NULL AND "kind" IN ('registered', 'certified', 'deleted')
GROUP BY "network", "object_id";

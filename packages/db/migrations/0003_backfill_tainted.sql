-- Custom SQL migration (drizzle-kit generate --custom): fills `tainted` from the rows indexed
-- before it existed, as `propagateTaint` (src/taint.ts) does from every retraction and keeps it
-- from then on: every retracted dataset, and every node with a path of taint edges
-- (wasDerivedFrom, used, wasGeneratedBy, wasInformedBy, storedAs; src -> dst) to one, with the
-- smallest retraction id reaching it. Each (node, retraction) pair is expanded once, so cycles
-- end.
INSERT INTO "tainted" ("node_id", "retraction_id")
WITH RECURSIVE "down"("id", "retraction_id") AS (
	SELECT "dataset_id", "dataset_id" FROM "dataset_retractions"
	UNION
	SELECT "e"."src", "down"."retraction_id" FROM "down"
	JOIN "edges" "e" ON "e"."dst" = "down"."id"
		AND "e"."kind" IN ('wasDerivedFrom', 'used', 'wasGeneratedBy', 'wasInformedBy', 'storedAs')
)
SELECT DISTINCT ON ("id") "id", "retraction_id" FROM "down" ORDER BY "id", "retraction_id"
ON CONFLICT DO NOTHING;

-- Custom SQL migration (drizzle-kit generate --custom): fills `tainted` from the rows indexed
-- before it existed, as `propagateTaint` (src/taint.ts) does from every retraction and keeps it
-- from then on: every retracted dataset, and every node with a path of taint edges
-- (wasDerivedFrom, used, wasGeneratedBy, wasInformedBy, storedAs; src -> dst) to one, with the
-- smallest retraction id reaching it. One walk downstream per retraction, smallest id first,
-- each skipping the nodes already tainted, so every node is expanded once and cycles end; each
-- walk is sorted before it is inserted, so it never scans the rows it inserts.
DO $$
DECLARE
	"retraction" text;
BEGIN
	FOR "retraction" IN SELECT "dataset_id" FROM "dataset_retractions" ORDER BY "dataset_id" COLLATE "C" LOOP
		INSERT INTO "tainted" ("node_id", "retraction_id")
		WITH RECURSIVE "down"("node_id") AS (
			SELECT "retraction" WHERE NOT EXISTS (SELECT FROM "tainted" "t" WHERE "t"."node_id" = "retraction")
			UNION
			SELECT "e"."src" FROM "down" "d"
			JOIN "edges" "e" ON "e"."dst" = "d"."node_id"
				AND "e"."kind" IN ('wasDerivedFrom', 'used', 'wasGeneratedBy', 'wasInformedBy', 'storedAs')
			WHERE NOT EXISTS (SELECT FROM "tainted" "t" WHERE "t"."node_id" = "e"."src")
		)
		SELECT "node_id", "retraction" FROM "down"
		ORDER BY "node_id"
		ON CONFLICT DO NOTHING;
	END LOOP;
END $$;

ALTER TABLE "edges" ADD COLUMN "xact_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "edges_xact_id" ON "edges" USING btree ("xact_id");--> statement-breakpoint
-- Statistics for the new column now: without them the planner takes `xact_id >= <xmin>` for a
-- third of the table and scans all of it on every top-up (LiveGraph) until autovacuum analyzes.
ANALYZE "edges";

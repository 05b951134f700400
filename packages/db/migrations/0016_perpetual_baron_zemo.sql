ALTER TABLE "nodes" ADD COLUMN "xact_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "dataset_retractions" ADD COLUMN "xact_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "nodes_xact_id" ON "nodes" USING btree ("xact_id");--> statement-breakpoint
CREATE INDEX "dataset_retractions_xact_id" ON "dataset_retractions" USING btree ("xact_id");--> statement-breakpoint
-- Statistics for the new columns now (see 0015): the top-ups (LiveGraph) must find the index.
ANALYZE "nodes";--> statement-breakpoint
ANALYZE "dataset_retractions";

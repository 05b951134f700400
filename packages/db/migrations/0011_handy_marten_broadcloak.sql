ALTER TABLE "nodes" ADD COLUMN "tainted_by" text;--> statement-breakpoint
CREATE INDEX "nodes_node_id_hash" ON "nodes" USING hash ("node_id");
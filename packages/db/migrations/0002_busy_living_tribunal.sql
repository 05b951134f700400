CREATE TABLE "tainted" (
	"node_id" text PRIMARY KEY NOT NULL,
	"retraction_id" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "edges_dst";--> statement-breakpoint
DROP INDEX "walrus_blob_events_blob_id";--> statement-breakpoint
CREATE INDEX "attestations_page" ON "attestations" USING btree ("timestamp_ms","attestation_id");--> statement-breakpoint
CREATE INDEX "attestations_id_prefix" ON "attestations" USING btree ("attestation_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "attesters_page" ON "attesters" USING btree ("timestamp_ms","attester_id");--> statement-breakpoint
CREATE INDEX "datasets_page" ON "datasets" USING btree ("timestamp_ms","dataset_id");--> statement-breakpoint
CREATE INDEX "inferences_page" ON "inferences" USING btree ("timestamp_ms","inference_id");--> statement-breakpoint
CREATE INDEX "inferences_id_prefix" ON "inferences" USING btree ("inference_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "models_page" ON "models" USING btree ("timestamp_ms","model_id");--> statement-breakpoint
CREATE INDEX "policies_page" ON "policies" USING btree ("timestamp_ms","policy_id");--> statement-breakpoint
CREATE INDEX "edges_dst" ON "edges" USING btree ("dst","checkpoint","tx_digest","event_index");--> statement-breakpoint
CREATE INDEX "walrus_blob_events_blob_id" ON "walrus_blob_events" USING btree ("blob_id" text_pattern_ops);
-- Indexes for `search`: trigrams for names (`ilike '%q%'`), byte-order b-trees for id and blob
-- id prefixes (`like 'q%'`, which a default-collation b-tree cannot serve). pg_trgm ships with
-- PostgreSQL's contrib (Debian's postgresql package, the postgres images) and is a trusted
-- extension: the database owner may create it. PGlite loads it from @electric-sql/pglite.
SET LOCAL statement_timeout = 0;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "datasets_blob_id";--> statement-breakpoint
DROP INDEX "models_blob_id";--> statement-breakpoint
CREATE INDEX "attesters_name_search" ON "attesters" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "attesters_id_prefix" ON "attesters" USING btree ("attester_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "datasets_name_search" ON "datasets" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "datasets_id_prefix" ON "datasets" USING btree ("dataset_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "models_name_search" ON "models" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "models_id_prefix" ON "models" USING btree ("model_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "policies_name_search" ON "policies" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "policies_id_prefix" ON "policies" USING btree ("policy_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "datasets_blob_id" ON "datasets" USING btree ("blob_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "models_blob_id" ON "models" USING btree ("blob_id" text_pattern_ops);
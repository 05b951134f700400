-- Sound contracts: terms for AI use, enclave attesters, signed blob digests, and what backs
-- each edge. Rows indexed before them get, through a default dropped again at the end (the
-- indexer always writes these columns): datasets all-`allowed` terms and unsigned lineage,
-- models non-generative, unsigned lineage and no constraints, attestations and inferences not
-- by an enclave, attestations no blob digests; their edges keep `signed`/`enclave` null (not
-- known to be backed). Adding a column with a constant default rewrites no row.
CREATE TABLE "dataset_terms_changes" (
	"dataset_id" text NOT NULL,
	"terms" jsonb NOT NULL,
	"creator" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL,
	CONSTRAINT "dataset_terms_changes_tx_digest_event_index_pk" PRIMARY KEY("tx_digest","event_index")
);
--> statement-breakpoint
CREATE TABLE "enclave_configs" (
	"config_id" text PRIMARY KEY NOT NULL,
	"network" text NOT NULL,
	"name" text NOT NULL,
	"pcrs" text[] NOT NULL,
	"admin" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attestations" ADD COLUMN "enclave" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attestations" ADD COLUMN "input_sha256s" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "attestations" ADD COLUMN "output_sha256s" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "attesters" ADD COLUMN "enclave_config_id" text;--> statement-breakpoint
ALTER TABLE "datasets" ADD COLUMN "terms" jsonb DEFAULT '{"ai_training": {"use": "allowed", "constraints": []}, "ai_generative_training": {"use": "allowed", "constraints": []}, "ai_inference": {"use": "allowed", "constraints": []}, "data_mining": {"use": "allowed", "constraints": []}}' NOT NULL;--> statement-breakpoint
ALTER TABLE "datasets" ADD COLUMN "lineage_signed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "edges" ADD COLUMN "signed" boolean;--> statement-breakpoint
ALTER TABLE "edges" ADD COLUMN "enclave" boolean;--> statement-breakpoint
ALTER TABLE "inferences" ADD COLUMN "enclave" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "generative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "lineage_signed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "constraints" jsonb DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX "dataset_terms_changes_dataset" ON "dataset_terms_changes" USING btree ("dataset_id","checkpoint");--> statement-breakpoint
CREATE INDEX "enclave_configs_page" ON "enclave_configs" USING btree ("timestamp_ms","config_id");--> statement-breakpoint
ALTER TABLE "attestations" ALTER COLUMN "enclave" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "attestations" ALTER COLUMN "input_sha256s" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "attestations" ALTER COLUMN "output_sha256s" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "datasets" ALTER COLUMN "terms" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "datasets" ALTER COLUMN "lineage_signed" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "inferences" ALTER COLUMN "enclave" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "models" ALTER COLUMN "generative" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "models" ALTER COLUMN "lineage_signed" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "models" ALTER COLUMN "constraints" DROP DEFAULT;
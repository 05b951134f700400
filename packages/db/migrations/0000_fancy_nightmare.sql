CREATE TABLE "quarantine" (
	"pipeline" text NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL,
	"event_type" text NOT NULL,
	"reason" text NOT NULL,
	"contents" "bytea" NOT NULL,
	CONSTRAINT "quarantine_pipeline_tx_digest_event_index_pk" PRIMARY KEY("pipeline","tx_digest","event_index")
);
--> statement-breakpoint
CREATE TABLE "watermarks" (
	"pipeline" text PRIMARY KEY NOT NULL,
	"checkpoint" bigint NOT NULL,
	"checkpoint_timestamp_ms" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attestations" (
	"attestation_id" text PRIMARY KEY NOT NULL,
	"network" text NOT NULL,
	"kind" text NOT NULL,
	"attester_id" text,
	"signed" boolean NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL,
	"submitter" text NOT NULL,
	"inputs" text[] NOT NULL,
	"input_blobs" text[] NOT NULL,
	"outputs" text[] NOT NULL,
	"output_blobs" text[] NOT NULL,
	"payload_digest" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"recorded_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attester_keys" (
	"attester_id" text NOT NULL,
	"key_version" integer NOT NULL,
	"public_key" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL,
	CONSTRAINT "attester_keys_attester_id_key_version_pk" PRIMARY KEY("attester_id","key_version")
);
--> statement-breakpoint
CREATE TABLE "attester_revocations" (
	"attester_id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"admin" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attesters" (
	"attester_id" text PRIMARY KEY NOT NULL,
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
CREATE TABLE "dataset_policy_changes" (
	"dataset_id" text NOT NULL,
	"policy_id" text,
	"creator" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL,
	CONSTRAINT "dataset_policy_changes_tx_digest_event_index_pk" PRIMARY KEY("tx_digest","event_index")
);
--> statement-breakpoint
CREATE TABLE "dataset_retractions" (
	"dataset_id" text PRIMARY KEY NOT NULL,
	"creator" text NOT NULL,
	"reason" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"dataset_id" text PRIMARY KEY NOT NULL,
	"network" text NOT NULL,
	"creator" text NOT NULL,
	"name" text NOT NULL,
	"blob_id" text NOT NULL,
	"sha256" text NOT NULL,
	"size" numeric(20, 0) NOT NULL,
	"media_type" text NOT NULL,
	"license" text NOT NULL,
	"policy_id" text,
	"parents" text[] NOT NULL,
	"transform_id" text,
	"previous_id" text,
	"revision" bigint NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "edges" (
	"kind" text NOT NULL,
	"src" text NOT NULL,
	"src_kind" text NOT NULL,
	"dst" text NOT NULL,
	"dst_kind" text NOT NULL,
	"network" text NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL,
	CONSTRAINT "edges_src_kind_dst_tx_digest_event_index_pk" PRIMARY KEY("src","kind","dst","tx_digest","event_index")
);
--> statement-breakpoint
CREATE TABLE "fee_withdrawals" (
	"service_id" text NOT NULL,
	"amount_mist" numeric(20, 0) NOT NULL,
	"recipient" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL,
	CONSTRAINT "fee_withdrawals_tx_digest_event_index_pk" PRIMARY KEY("tx_digest","event_index")
);
--> statement-breakpoint
CREATE TABLE "inferences" (
	"inference_id" text PRIMARY KEY NOT NULL,
	"network" text NOT NULL,
	"attestation_id" text NOT NULL,
	"model_id" text NOT NULL,
	"attester_id" text NOT NULL,
	"input_blob_id" text NOT NULL,
	"input_sha256" text NOT NULL,
	"output_blob_id" text NOT NULL,
	"output_sha256" text NOT NULL,
	"submitter" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "models" (
	"model_id" text PRIMARY KEY NOT NULL,
	"network" text NOT NULL,
	"creator" text NOT NULL,
	"name" text NOT NULL,
	"blob_id" text NOT NULL,
	"sha256" text NOT NULL,
	"size" numeric(20, 0) NOT NULL,
	"architecture" text NOT NULL,
	"framework" text NOT NULL,
	"base_model_id" text,
	"training_id" text NOT NULL,
	"datasets" text[] NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"policy_id" text PRIMARY KEY NOT NULL,
	"network" text NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"creator" text NOT NULL,
	"cap_id" text,
	"unlock_ms" numeric(20, 0),
	"fee_mist" numeric(20, 0),
	"ttl_ms" numeric(20, 0),
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_member_changes" (
	"policy_id" text NOT NULL,
	"member" text NOT NULL,
	"added" boolean NOT NULL,
	"admin" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL,
	CONSTRAINT "policy_member_changes_tx_digest_event_index_pk" PRIMARY KEY("tx_digest","event_index")
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"subscription_id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"subscriber" text NOT NULL,
	"fee_mist" numeric(20, 0) NOT NULL,
	"expires_ms" numeric(20, 0) NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "walrus_blob_events" (
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL,
	"network" text NOT NULL,
	"kind" text NOT NULL,
	"blob_id" text NOT NULL,
	"object_id" text,
	"epoch" integer NOT NULL,
	"end_epoch" integer,
	"size" numeric(20, 0),
	"encoding_type" smallint,
	"deletable" boolean,
	"is_extension" boolean,
	"was_certified" boolean,
	"timestamp_ms" bigint NOT NULL,
	CONSTRAINT "walrus_blob_events_tx_digest_event_index_pk" PRIMARY KEY("tx_digest","event_index")
);
--> statement-breakpoint
CREATE INDEX "attestations_attester" ON "attestations" USING btree ("attester_id");--> statement-breakpoint
CREATE INDEX "attestations_kind" ON "attestations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "dataset_policy_changes_dataset" ON "dataset_policy_changes" USING btree ("dataset_id");--> statement-breakpoint
CREATE INDEX "datasets_blob_id" ON "datasets" USING btree ("blob_id");--> statement-breakpoint
CREATE INDEX "datasets_creator" ON "datasets" USING btree ("creator");--> statement-breakpoint
CREATE INDEX "datasets_sha256" ON "datasets" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "edges_dst" ON "edges" USING btree ("dst","kind");--> statement-breakpoint
CREATE INDEX "inferences_model" ON "inferences" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "models_blob_id" ON "models" USING btree ("blob_id");--> statement-breakpoint
CREATE INDEX "models_creator" ON "models" USING btree ("creator");--> statement-breakpoint
CREATE INDEX "policy_member_changes_policy" ON "policy_member_changes" USING btree ("policy_id","member");--> statement-breakpoint
CREATE INDEX "subscriptions_service" ON "subscriptions" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "walrus_blob_events_blob_id" ON "walrus_blob_events" USING btree ("blob_id");--> statement-breakpoint
CREATE INDEX "walrus_blob_events_object_id" ON "walrus_blob_events" USING btree ("object_id");--> statement-breakpoint
CREATE VIEW "public"."walrus_blobs" AS (
  select
    o.network,
    o.object_id,
    o.blob_id,
    case
      when d.event_index is not null then 'deleted'
      when c.event_index is not null then 'certified'
      else 'registered'
    end as status,
    r.size,
    r.encoding_type,
    coalesce(r.deletable, c.deletable) as deletable,
    r.epoch as registered_epoch,
    o.certified_epoch,
    d.epoch as deleted_epoch,
    o.end_epoch,
    r.checkpoint as registered_checkpoint,
    r.tx_digest as registered_tx_digest,
    r.event_index as registered_event_index,
    c.checkpoint as certified_checkpoint,
    c.tx_digest as certified_tx_digest,
    c.event_index as certified_event_index,
    d.checkpoint as deleted_checkpoint,
    d.tx_digest as deleted_tx_digest,
    d.event_index as deleted_event_index
  from (
    select
      e.network,
      e.object_id,
      e.blob_id,
      min(e.epoch) filter (where e.kind = 'certified') as certified_epoch,
      max(e.end_epoch) as end_epoch
    from walrus_blob_events e
    where e.object_id is not null and e.kind in ('registered', 'certified', 'deleted')
    group by e.network, e.object_id, e.blob_id
  ) o
  left join (
    select distinct on (e.network, e.object_id, e.blob_id)
      e.network, e.object_id, e.blob_id,
      e.checkpoint, e.tx_digest, e.event_index, e.epoch, e.size, e.encoding_type, e.deletable
    from walrus_blob_events e
    where e.object_id is not null and e.kind = 'registered'
    order by e.network, e.object_id, e.blob_id, e.checkpoint, e.event_index, e.tx_digest
  ) r using (network, object_id, blob_id)
  left join (
    select distinct on (e.network, e.object_id, e.blob_id)
      e.network, e.object_id, e.blob_id,
      e.checkpoint, e.tx_digest, e.event_index, e.deletable
    from walrus_blob_events e
    where e.object_id is not null and e.kind = 'certified'
    order by e.network, e.object_id, e.blob_id,
      e.checkpoint desc, e.end_epoch desc nulls last, e.event_index desc, e.tx_digest desc
  ) c using (network, object_id, blob_id)
  left join (
    select distinct on (e.network, e.object_id, e.blob_id)
      e.network, e.object_id, e.blob_id,
      e.checkpoint, e.tx_digest, e.event_index, e.epoch
    from walrus_blob_events e
    where e.object_id is not null and e.kind = 'deleted'
    order by e.network, e.object_id, e.blob_id, e.checkpoint, e.event_index, e.tx_digest
  ) d using (network, object_id, blob_id)
);
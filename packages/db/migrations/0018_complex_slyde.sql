CREATE TABLE "enclave_config_retirements" (
	"config_id" text PRIMARY KEY NOT NULL,
	"admin" text NOT NULL,
	"timestamp_ms" bigint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);

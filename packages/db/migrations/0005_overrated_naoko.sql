CREATE TABLE "nodes" (
	"node_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subkind" text,
	"label" text,
	"timestamp_ms" bigint,
	"source" smallint NOT NULL,
	"checkpoint" bigint NOT NULL,
	"tx_digest" text NOT NULL,
	"event_index" integer NOT NULL
);

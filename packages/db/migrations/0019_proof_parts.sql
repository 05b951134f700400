CREATE TABLE "checkpoint_proofs" (
	"network" text NOT NULL,
	"checkpoint" bigint NOT NULL,
	"epoch" bigint NOT NULL,
	"certified_summary" "bytea" NOT NULL,
	"contents" "bytea" NOT NULL,
	CONSTRAINT "checkpoint_proofs_network_checkpoint_pk" PRIMARY KEY("network","checkpoint")
);
--> statement-breakpoint
CREATE TABLE "transaction_proofs" (
	"network" text NOT NULL,
	"tx_digest" text NOT NULL,
	"checkpoint" bigint NOT NULL,
	"effects" "bytea" NOT NULL,
	"events" "bytea" NOT NULL,
	CONSTRAINT "transaction_proofs_network_tx_digest_pk" PRIMARY KEY("network","tx_digest")
);

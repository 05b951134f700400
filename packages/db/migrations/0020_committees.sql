CREATE TABLE "committees" (
	"network" text NOT NULL,
	"epoch" bigint NOT NULL,
	"committee" "bytea" NOT NULL,
	"established_by" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committees_network_epoch_pk" PRIMARY KEY("network","epoch")
);

CREATE TABLE "walrus_blob_objects" (
	"network" text NOT NULL,
	"object_id" text NOT NULL,
	"blob_id" text NOT NULL,
	"status" text NOT NULL,
	"first_seen_ms" bigint NOT NULL,
	CONSTRAINT "walrus_blob_objects_network_object_id_pk" PRIMARY KEY("network","object_id")
);
--> statement-breakpoint
CREATE INDEX "walrus_blob_objects_page" ON "walrus_blob_objects" USING btree ("first_seen_ms","object_id");--> statement-breakpoint
CREATE INDEX "walrus_blob_objects_status_page" ON "walrus_blob_objects" USING btree ("status","first_seen_ms","object_id");
/** Indexer bookkeeping: one watermark per pipeline, and the quarantine of undecodable events. */
import { sql } from "drizzle-orm";
import { bigint, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { bytes, timeMs } from "./columns.ts";

/**
 * The last checkpoint a pipeline fully committed. Written in the same transaction as that
 * checkpoint's rows; a restart resumes at `checkpoint + 1`.
 */
export const watermarks = pgTable("watermarks", {
  pipeline: text("pipeline").primaryKey(),
  checkpoint: bigint("checkpoint", { mode: "number" }).notNull(),
  /** timestamp of that checkpoint, ms */
  checkpointTimestampMs: timeMs("checkpoint_timestamp_ms").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * Events a pipeline could not turn into rows (bytes that do not decode, a type unknown within
 * our packages), kept with the reason and their event id instead of crashing the indexer.
 */
export const quarantine = pgTable(
  "quarantine",
  {
    pipeline: text("pipeline").notNull(),
    checkpoint: bigint("checkpoint", { mode: "number" }).notNull(),
    txDigest: text("tx_digest").notNull(),
    eventIndex: integer("event_index").notNull(),
    eventType: text("event_type").notNull(),
    reason: text("reason").notNull(),
    contents: bytes("contents").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pipeline, t.txDigest, t.eventIndex] })],
);

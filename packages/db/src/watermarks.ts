/** Reading pipelines' watermarks (written by `commitCheckpoint` / `commitBatch`). */
import { asc, eq } from "drizzle-orm";
import type { Db } from "./database.ts";
import { watermarks } from "./schema/index.ts";

/** A pipeline's watermark row. */
export type Watermark = typeof watermarks.$inferSelect;

/**
 * The last checkpoint `pipeline` fully committed (its sequence number), or undefined before
 * its first commit. A restart resumes at the next one.
 */
export async function readWatermark(db: Db, pipeline: string): Promise<number | undefined> {
  const [row] = await db
    .select({ checkpoint: watermarks.checkpoint })
    .from(watermarks)
    .where(eq(watermarks.pipeline, pipeline));
  return row?.checkpoint;
}

/**
 * Every pipeline's watermark, by pipeline name: `{ pipeline, checkpoint, checkpointTimestampMs
 * (ms), updatedAt (when it last moved) }`.
 */
export function readWatermarks(db: Db): Promise<Watermark[]> {
  return db.select().from(watermarks).orderBy(asc(watermarks.pipeline));
}

import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { readWatermarks } from "../watermarks.ts";

/** Resolves when the database answers a trivial query; rejects with the driver's error otherwise. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** A pipeline's progress, as `/v1/status` shows it. */
export interface PipelineStatus {
  pipeline: string;
  /** last checkpoint fully committed */
  watermark: number;
  /** timestamp of that checkpoint, ms since the Unix epoch */
  checkpointTimestampMs: number;
  /** `now - checkpointTimestampMs`, ms (how far behind the chain the data is) */
  lagMs: number;
  /** when it was committed, ISO 8601 */
  updatedAt: string;
}

/**
 * Every pipeline's watermark and lag behind the chain, sorted by pipeline name.
 *
 * @param nowMs the current time, ms (injectable for tests)
 */
export async function indexerStatus(db: Db, nowMs = Date.now()): Promise<PipelineStatus[]> {
  return (await readWatermarks(db)).map((w) => ({
    pipeline: w.pipeline,
    watermark: w.checkpoint,
    checkpointTimestampMs: w.checkpointTimestampMs,
    lagMs: Math.max(0, nowMs - w.checkpointTimestampMs),
    updatedAt: w.updatedAt.toISOString(),
  }));
}

import type { ProcessedCheckpoint } from "./pipelines/processor.ts";

/**
 * What the indexer needs of the database: per-pipeline watermarks, and an atomic commit of a
 * batch of consecutive checkpoints' rows together with the new watermark. Implemented over
 * `@verity/db` by `db-store.ts`.
 */
export interface Store {
  /** The last checkpoint `pipeline` fully committed, or undefined before its first commit. */
  readWatermark(pipeline: string): Promise<bigint | undefined>;
  /**
   * Commits, in one database transaction, the rows and quarantined events of `batch` (processed
   * checkpoints of `pipeline`, in order) and moves the pipeline's watermark to the last one.
   * Idempotent: committing the same batch again changes nothing. May report the time each
   * step of the transaction took (ms by step name, e.g. a table's inserts).
   */
  commit(pipeline: string, batch: ProcessedBatch): Promise<{ stepMs: StepTimes } | undefined>;
  /**
   * Work on `batch` that needs no database, done ahead of its commit, while the commit before
   * it is in flight (e.g. rendering its COPY text). Optional; `commit` must not depend on it,
   * and a failure of it is ignored (the commit does the work itself).
   */
  prepare?(batch: ProcessedBatch): Promise<void>;
}

/** Time spent per step of a commit, ms, by step name (`CommitResult.stepMs` of `@verity/db`). */
export type StepTimes = Partial<Record<string, number>>;

/** A pipeline's processed checkpoints, consecutive in the stream, ready to commit together. */
export interface ProcessedBatch {
  /** The last checkpoint in the batch: the new watermark. */
  last: { sequenceNumber: bigint; timestampMs: bigint };
  /** Every checkpoint's output, merged. */
  processed: ProcessedCheckpoint;
  /** How many checkpoints it covers. */
  checkpoints: number;
}

import type { Checkpoint } from "@verity/checkpoints";
import { appendRows, type ProcessedCheckpoint } from "./pipelines/processor.ts";
import type { ProcessedBatch } from "./store.ts";

/** Accumulates one pipeline's processed checkpoints until they are committed together. */
export class PendingBatch {
  private batch: ProcessedBatch | undefined;
  private rowCount = 0;
  /** `performance.now()` when the first checkpoint of the batch was added. */
  startedAt = 0;

  /** Adds a processed checkpoint (they must come in stream order). */
  add(checkpoint: Checkpoint, processed: ProcessedCheckpoint): void {
    const last = { sequenceNumber: checkpoint.sequenceNumber, timestampMs: checkpoint.timestampMs };
    if (!this.batch) {
      this.batch = { last, processed: { rows: {}, quarantined: [] }, checkpoints: 0 };
      this.startedAt = performance.now();
    }
    const into = this.batch.processed;
    this.rowCount += appendRows(into.rows, processed.rows);
    into.quarantined.push(...processed.quarantined);
    this.batch.last = last;
    this.batch.checkpoints += 1;
  }

  /** Checkpoints and rows accumulated so far. */
  get size(): { checkpoints: number; rows: number } {
    return { checkpoints: this.batch?.checkpoints ?? 0, rows: this.rowCount };
  }

  /** Hands the batch over and starts an empty one; undefined when nothing is pending. */
  take(): ProcessedBatch | undefined {
    const batch = this.batch;
    this.batch = undefined;
    this.rowCount = 0;
    return batch;
  }
}

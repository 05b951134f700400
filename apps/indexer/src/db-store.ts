import { commitBatch, type Db, prepareCommit, readWatermark } from "@verity/db";
import type { Store } from "./store.ts";

/**
 * The indexer's `Store` over `@verity/db`: watermarks from the `watermarks` table, and each
 * batch committed by `commitBatch` (rows with ON CONFLICT DO NOTHING, then the watermark, in
 * one transaction), prepared ahead (`prepareCommit`).
 */
export function databaseStore(db: Db): Store {
  return {
    async readWatermark(pipeline) {
      const watermark = await readWatermark(db, pipeline);
      return watermark === undefined ? undefined : BigInt(watermark);
    },
    prepare: (batch) => prepareCommit(batch.processed.rows),
    async commit(pipeline, batch) {
      const checkpoint = {
        sequenceNumber: Number(batch.last.sequenceNumber),
        timestampMs: Number(batch.last.timestampMs),
      };
      return commitBatch(db, pipeline, [
        { checkpoint, rows: batch.processed.rows, quarantined: batch.processed.quarantined },
      ]);
    },
  };
}

import { commitBatch, type Db, readWatermark, renderCopyText } from "@verity/db";
import type { Store } from "./store.ts";

/**
 * The indexer's `Store` over `@verity/db`: watermarks from the `watermarks` table, and each
 * batch committed by `commitBatch` (rows with ON CONFLICT DO NOTHING, then the watermark, in
 * one transaction), its COPY text rendered ahead (`renderCopyText`).
 */
export function databaseStore(db: Db): Store {
  return {
    async readWatermark(pipeline) {
      const watermark = await readWatermark(db, pipeline);
      return watermark === undefined ? undefined : BigInt(watermark);
    },
    prepare: (batch) => renderCopyText(batch.processed.rows),
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

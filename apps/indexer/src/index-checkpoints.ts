import type { Checkpoint } from "@verity/checkpoints";
import type { Db } from "@verity/db";
import { databaseStore } from "./db-store.ts";
import { type IndexerResult, runIndexer } from "./indexer.ts";
import type { Processor } from "./pipelines/processor.ts";

/**
 * Indexes checkpoints held in memory (built by a simulator or a test, in increasing sequence
 * order) into `db` with `processors`, as `verity index` indexes a store: each pipeline resumes
 * at its watermark + 1, and every checkpoint's rows are committed with the watermark, exactly
 * once. Resolves when the list is exhausted.
 *
 * @throws what `runIndexer` throws (a database error, a processor's bug)
 */
export function indexCheckpoints(
  db: Db,
  checkpoints: readonly Checkpoint[],
  processors: Processor[],
): Promise<IndexerResult> {
  return runIndexer({
    source: {
      description: `${checkpoints.length} checkpoints in memory`,
      async *stream(from) {
        for (const c of checkpoints) if (c.sequenceNumber >= from) yield c;
      },
    },
    store: databaseStore(db),
    processors,
    firstCheckpoint: checkpoints[0]?.sequenceNumber ?? 0n,
  });
}

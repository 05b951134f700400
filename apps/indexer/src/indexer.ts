import { setTimeout as sleep } from "node:timers/promises";
import type { Checkpoint, CheckpointSource } from "@verity/checkpoints";
import { PendingBatch } from "./batch.ts";
import type { CheckpointVerifier } from "./checkpoint-verifier.ts";
import { eventCount, processedBy } from "./decoding/processed.ts";
import type { IndexerMetrics } from "./metrics.ts";
import type { Processor } from "./pipelines/processor.ts";
import type { ProcessedBatch, Store } from "./store.ts";

/** How the indexer runs; every default is documented on its field. */
export interface IndexerOptions {
  source: CheckpointSource;
  store: Store;
  /** The pipelines to run, each with its own watermark. */
  processors: Processor[];
  /** Where a pipeline without a watermark starts (ignored once it has one). */
  firstCheckpoint?: bigint;
  /** Stop after this checkpoint (inclusive); default: run until the source ends. */
  lastCheckpoint?: bigint;
  /** Commit after this many checkpoints per pipeline. Default 1000. */
  batchCheckpoints?: number;
  /** ... or this many rows. Default 50 000. */
  batchRows?: number;
  /**
   * ... or when the batch's first checkpoint is this old, or the source is idle that long, ms.
   * Default 500; when no commit is in flight, a fifth of it (so the database does not wait for
   * a whole batch, e.g. the first). A batch due while the commit before it is in flight is
   * prepared (`Store.prepare`) meanwhile and waits its turn, reading going on; reading waits
   * when a second batch would queue behind it (at most three batches are held).
   */
  batchDelayMs?: number;
  /** Attempts of a failing commit before giving up (commits are idempotent). Default 5. */
  commitAttempts?: number;
  /**
   * Checks every checkpoint the source yields (e.g. its certificate: `CertificateVerifier`)
   * before any batch holding it is committed. Default: none.
   */
  verifier?: CheckpointVerifier;
  metrics?: IndexerMetrics;
  signal?: AbortSignal;
  /** Called after every commit, e.g. to draw progress. */
  onCommit?: (report: CommitReport) => void;
}

/** What one commit did. */
export interface CommitReport {
  pipeline: string;
  /** the pipeline's new watermark */
  watermark: bigint;
  /** timestamp of that checkpoint, ms */
  timestampMs: bigint;
  checkpoints: number;
  rows: number;
  quarantined: number;
}

/** Where each pipeline got to. */
export type IndexerResult = Map<string, bigint | undefined>;

/**
 * Streams checkpoints from `source` through every pipeline into `store`, exactly once: each
 * pipeline resumes at its watermark + 1 (or `firstCheckpoint`), and a batch's rows and the
 * watermark are committed in one transaction, so a crash at any point loses and duplicates
 * nothing. With a `verifier`, every checkpoint is submitted to it as it arrives, and a batch is
 * committed only once all its checkpoints passed. Returns when the source ends,
 * `lastCheckpoint` is reached or `signal` aborts (pending batches are committed first).
 *
 * @throws Error when a pipeline has no watermark and `firstCheckpoint` is not given; the
 *   source's unrecoverable errors (e.g. a corrupt checkpoint file), after
 *   committing what was processed before it; the verifier's first failure, after committing
 *   the whole batches before the checkpoint that failed (none holding it); a commit that fails
 *   `commitAttempts` times
 */
export async function runIndexer(options: IndexerOptions): Promise<IndexerResult> {
  const { source, store, processors, verifier, metrics } = options;
  const batchCheckpoints = options.batchCheckpoints ?? 1000;
  const batchRows = options.batchRows ?? 50_000;
  const batchDelayMs = options.batchDelayMs ?? 500;

  const watermarks: IndexerResult = new Map();
  const next = new Map<string, bigint>();
  for (const p of processors) {
    const watermark = await store.readWatermark(p.name);
    watermarks.set(p.name, watermark);
    if (watermark === undefined && options.firstCheckpoint === undefined) {
      throw new Error(
        `the ${p.name} pipeline has no watermark yet: say where to start (--first-checkpoint)`,
      );
    }
    next.set(p.name, watermark === undefined ? options.firstCheckpoint! : watermark + 1n);
  }
  let from = next.values().next().value as bigint;
  for (const n of next.values()) if (n < from) from = n;
  if (options.lastCheckpoint !== undefined && from > options.lastCheckpoint) return watermarks;

  const pending = new Map(processors.map((p) => [p.name, new PendingBatch()]));
  // One commit in flight at a time, overlapping the decoding and processing of the next batch
  // (the database works on its own core meanwhile). Commits stay in order, each atomic. Reading
  // goes on while a batch is prepared and waits its turn (so the decoding threads never run out
  // of work); it waits only when a second batch would queue behind that one.
  let inFlight: Promise<void> = Promise.resolve();
  let before: Promise<void> = Promise.resolve();
  /** batches taken and not yet committed (or failed) */
  let unfinished = 0;
  const commitTaken = async (taken: [string, ProcessedBatch][]) => {
    for (const [pipeline, batch] of taken) {
      await verifier?.verified(batch.last.sequenceNumber).catch((error: unknown) => {
        metrics?.errors.inc({ kind: "verification" });
        throw error;
      });
      await commit(store, pipeline, batch, options);
      watermarks.set(pipeline, batch.last.sequenceNumber);
    }
  };
  const flush = async () => {
    const taken: [string, ProcessedBatch][] = [];
    for (const [pipeline, batch] of pending) {
      const batchTaken = batch.take();
      if (batchTaken) taken.push([pipeline, batchTaken]);
    }
    if (taken.length === 0) return;
    await before;
    const previous = inFlight;
    // Prepared while the commit before is in flight (it yields, so that commit goes on); a
    // preparation that fails leaves the work, and the reporting of what is wrong, to the commit.
    const prepared = Promise.all(taken.map(([, batch]) => store.prepare?.(batch).catch(() => {})));
    before = previous;
    unfinished += 1;
    inFlight = prepared
      .then(() => previous)
      .then(() => commitTaken(taken))
      .finally(() => {
        unfinished -= 1;
      });
    inFlight.catch(() => {}); // not unhandled meanwhile: the next flush awaits it
  };
  const drain = async () => {
    await flush();
    await inFlight;
  };

  const onCheckpoint = async (checkpoint: Checkpoint) => {
    metrics?.latestCheckpoint.set(Number(checkpoint.sequenceNumber));
    metrics?.checkpoints.inc();
    metrics?.events.inc(eventCount(checkpoint));
    let due = false;
    const delayMs = unfinished === 0 ? batchDelayMs / 5 : batchDelayMs;
    for (const p of processors) {
      if (checkpoint.sequenceNumber < next.get(p.name)!) continue;
      const batch = pending.get(p.name)!;
      batch.add(checkpoint, processedBy(p, checkpoint));
      next.set(p.name, checkpoint.sequenceNumber + 1n);
      const { checkpoints, rows } = batch.size;
      due ||=
        checkpoints >= batchCheckpoints ||
        rows >= batchRows ||
        performance.now() - batch.startedAt >= delayMs;
    }
    if (due) await flush();
  };

  try {
    const stream = source.stream(from, { to: options.lastCheckpoint, signal: options.signal });
    for await (const checkpoint of idleFlushing(stream, batchDelayMs, flush)) {
      await verifier?.submit(checkpoint);
      await onCheckpoint(checkpoint);
    }
  } catch (error) {
    metrics?.errors.inc({ kind: "source" });
    await drain();
    throw error;
  }
  await drain();
  return watermarks;
}

/** What `idleFlushing`'s timer gives when the next checkpoint is late. */
const IDLE = Symbol("idle");

/**
 * Passes `stream` through, calling `onIdle` whenever the next checkpoint takes longer than
 * `idleMs` to arrive (so a pipeline at the tip commits promptly instead of waiting for a
 * full batch).
 */
async function* idleFlushing<T>(
  stream: AsyncIterable<T>,
  idleMs: number,
  onIdle: () => Promise<void>,
): AsyncGenerator<T> {
  const iterator = stream[Symbol.asyncIterator]();
  try {
    while (true) {
      const next = iterator.next();
      // A plain timer, cleared: an aborted `timers/promises` sleep would make an AbortError, with
      // its stack, for every checkpoint.
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<typeof IDLE>((resolve) => {
        timer = setTimeout(resolve, idleMs, IDLE);
      });
      const first = await Promise.race([next, idle]);
      clearTimeout(timer);
      if (first === IDLE) await onIdle();
      const result = first === IDLE ? await next : first;
      if (result.done) return;
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** Commits with retries (idempotent), and reports it. */
async function commit(
  store: Store,
  pipeline: string,
  batch: ProcessedBatch,
  options: IndexerOptions,
) {
  const { metrics } = options;
  const attempts = options.commitAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const stop = metrics?.commitSeconds.startTimer({ pipeline });
    try {
      await store.commit(pipeline, batch);
      stop?.();
      break;
    } catch (error) {
      metrics?.errors.inc({ kind: "commit" });
      if (attempt >= attempts) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
  const { rows, quarantined } = batch.processed;
  let count = 0;
  for (const [table, list] of Object.entries(rows)) {
    metrics?.rows.inc({ pipeline, table }, list.length);
    count += list.length;
  }
  const watermark = batch.last.sequenceNumber;
  metrics?.watermark.set({ pipeline }, Number(watermark));
  metrics?.lagMs.set({ pipeline }, Date.now() - Number(batch.last.timestampMs));
  if (quarantined.length) metrics?.quarantined.inc({ pipeline }, quarantined.length);
  options.onCommit?.({
    pipeline,
    watermark,
    timestampMs: batch.last.timestampMs,
    checkpoints: batch.checkpoints,
    rows: count,
    quarantined: quarantined.length,
  });
}

/**
 * The write path: a checkpoint's (or a batch of checkpoints') rows and the pipeline's watermark,
 * committed in one transaction. Rows are inserted with ON CONFLICT DO NOTHING, so committing
 * the same checkpoint again changes nothing, and the watermark only moves forward: a restart
 * that replays checkpoints at or below it is harmless.
 */
import { getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { recordBlobObjects } from "./blob-objects.ts";
import { renderCopyText } from "./copy.ts";
import type { Db } from "./database.ts";
import { recordDatasetTerms } from "./dataset-terms.ts";
import { CommitError } from "./errors.ts";
import { insertRows } from "./insert.ts";
import { insertNewRows, insertSharedRows, UNIQUE_VIOLATION } from "./insert-new.ts";
import { prepareNodes, recordPreparedNodes } from "./nodes.ts";
import { rowsOf } from "./raw.ts";
import {
  datasets,
  nodes,
  quarantine,
  tainted,
  walrusBlobObjects,
  watermarks,
} from "./schema/index.ts";
import {
  appendOnlyTables,
  type InsertRow,
  type QuarantineRow,
  type Rows,
  type TableName,
} from "./tables.ts";
import { propagateTaint } from "./taint.ts";

/** A checkpoint, as the watermark records it. */
export interface CheckpointRef {
  /** checkpoint sequence number (non-negative safe integer) */
  sequenceNumber: number;
  /** the checkpoint's timestamp, ms since the Unix epoch */
  timestampMs: number;
}

/** One checkpoint's output: its rows and the events it quarantined. */
export interface CheckpointCommit {
  checkpoint: CheckpointRef;
  /**
   * each table's rows in chain order, as the events that made them (of one dataset's terms
   * changes, the last is the newest: `recordDatasetTerms`)
   */
  rows: Rows;
  quarantined?: QuarantineRow[];
}

/** What a commit did. */
export interface CommitResult {
  /** rows given (quarantined events included) */
  rows: number;
  /** rows actually inserted; the rest were already there */
  inserted: number;
  /** whether the watermark moved (false when it was already at or past the last checkpoint) */
  watermarkMoved: boolean;
  /**
   * Time spent on each step of the transaction, ms, by step: each table's inserts (by its
   * `appendOnlyTables` name), `quarantine`, and the derived steps `datasetTerms`, `nodes`,
   * `blobObjects`, `taint` and `watermark` (the transaction's own COMMIT is not a step).
   */
  stepMs: Partial<Record<CommitStep, number>>;
}

/**
 * The tables more than one pipeline writes: the proof parts, which each pipeline keeps for the
 * checkpoints and transactions its events come from, so a checkpoint holding events of two
 * pipelines is offered twice (`insertSharedRows` leaves out those already there).
 */
const SHARED_TABLES: ReadonlySet<TableName> = new Set(["checkpointProofs", "transactionProofs"]);

/** A step of `commitBatch`'s transaction, as `CommitResult.stepMs` names it. */
export type CommitStep =
  | TableName
  | "quarantine"
  | "datasetTerms"
  | "nodes"
  | "blobObjects"
  | "taint"
  | "watermark";

/**
 * Commits one checkpoint of `pipeline` in one transaction: inserts every row of `rows` (tables
 * in `appendOnlyTables` order) and the `quarantined` events, each with ON CONFLICT DO NOTHING,
 * each table's rows in statements of up to `ROWS_PER_INSERT` rows (`insertRows`: an `unnest` of
 * one array per column, or VALUES below `UNNEST_MIN_ROWS`); when the checkpoint is past the
 * pipeline's watermark, its rows go in by COPY instead (`insertNewRows`, from `COPY_MIN_ROWS`
 * rows; for the tables several pipelines write, `insertSharedRows` leaves out the rows already
 * there unless the checkpoint is past every pipeline's watermark; should a COPY meet a row that
 * is there after all, the whole transaction is rolled back and run again with `insertRows`),
 * without a savepoint or a lookup more than needed, so the database is not kept waiting on round
 * trips (README, Throughput), then sets the terms of the datasets
 * whose terms it tightens to the newest (`recordDatasetTerms`), records the graph nodes its
 * rows name in `nodes` (`recordNodes`) and the Walrus Blob objects its events name in
 * `walrus_blob_objects` (`recordBlobObjects`), then adds the nodes its retractions and edges
 * taint to `tainted` and their `nodes.tainted_by` (`propagateTaint`), then moves the pipeline's
 * watermark to `checkpoint` unless it is already there or beyond.
 *
 * @throws TypeError for an empty pipeline name or a key of `rows` that is not an append-only
 *   table; RangeError for a sequence number that is not a non-negative safe integer;
 *   `CommitError` (table, SQLSTATE, the driver's error as `cause`) when the transaction fails,
 *   in which case nothing was written
 */
export function commitCheckpoint(
  db: Db,
  pipeline: string,
  checkpoint: CheckpointRef,
  rows: Rows,
  quarantined: QuarantineRow[] = [],
): Promise<CommitResult> {
  return commitBatch(db, pipeline, [{ checkpoint, rows, quarantined }]);
}

/**
 * Commits several consecutive checkpoints of `pipeline` in one transaction, as
 * `commitCheckpoint` does for one: all their rows (merged per table, so each table takes as few
 * statements as possible) and the watermark, set to the last checkpoint.
 *
 * @throws RangeError when `checkpoints` is empty or its sequence numbers are not consecutive
 *   and increasing; otherwise as `commitCheckpoint`
 */
export async function commitBatch(
  db: Db,
  pipeline: string,
  checkpoints: readonly CheckpointCommit[],
): Promise<CommitResult> {
  if (pipeline === "") throw new TypeError("commit: the pipeline name is empty");
  const last = checkConsecutive(checkpoints);
  const merged = mergeRows(checkpoints);
  const quarantined = checkpoints.flatMap((c) =>
    (c.quarantined ?? []).map((row) => ({ ...row, pipeline })),
  );
  const batch: Batch = { pipeline, first: checkpoints[0]!.checkpoint, last, merged, quarantined };
  const single = checkpoints.length === 1 ? checkpoints[0]!.rows : undefined;
  try {
    return await commitOnce(db, batch, single, "copy");
  } catch (error) {
    // A row COPY met was there after all: the same batch again, each row on conflict skipped.
    if (!(error instanceof CommitError && error.copied && error.code === UNIQUE_VIOLATION))
      throw error;
    return commitOnce(db, batch, single, "conflicts");
  }
}

/** A batch as `commitOnce` writes it. */
interface Batch {
  pipeline: string;
  first: CheckpointRef;
  last: CheckpointRef;
  /** the rows of every checkpoint, per table (`mergeRows`) */
  merged: Map<TableName, object[]>;
  /** the quarantined events, each with the pipeline */
  quarantined: (QuarantineRow & { pipeline: string })[];
}

/**
 * `commitBatch`'s transaction. With `mode` "copy", the rows of a batch past the pipeline's
 * watermark go in by COPY (`insertNewRows`, or `insertSharedRows` when another pipeline's
 * watermark has reached the batch), and a row already there fails the transaction; with
 * "conflicts", every row goes in by `insertRows`, ON CONFLICT DO NOTHING.
 *
 * @throws CommitError (`copied` when the batch took the COPY path) when the transaction fails
 */
async function commitOnce(
  db: Db,
  batch: Batch,
  single: Rows | undefined,
  mode: "copy" | "conflicts",
): Promise<CommitResult> {
  const { pipeline, first, last, merged, quarantined } = batch;
  let writing: PgTable | undefined;
  let copied = false;
  const stepMs: CommitResult["stepMs"] = {};
  /** Runs one step writing `table`, adding its time to `stepMs[step]`. */
  const step = async <T>(name: CommitStep, table: PgTable, work: () => Promise<T>) => {
    writing = table;
    const start = performance.now();
    const result = await work();
    stepMs[name] = (stepMs[name] ?? 0) + performance.now() - start;
    return result;
  };
  try {
    return await db.transaction(async (tx) => {
      // One round trip: JIT off for this transaction, and the watermarks that decide the path.
      const [marks] = rowsOf<{ held: string | null; newest: string | null }>(
        await tx.execute(sql`
          select set_config('jit', 'off', true) as jit,
            (select ${watermarks.checkpoint} from ${watermarks}
             where ${watermarks.pipeline} = ${pipeline}) as held,
            (select max(${watermarks.checkpoint}) from ${watermarks}) as newest
        `),
      );
      const past = (mark: string | null | undefined) =>
        mark === null || mark === undefined || first.sequenceNumber > Number(mark);
      const fresh = mode === "copy" && past(marks?.held);
      copied = fresh;
      const freshShared = fresh && past(marks?.newest);
      let rows = quarantined.length;
      let inserted = 0;
      for (const [name, list] of merged) {
        rows += list.length;
        const table = appendOnlyTables[name];
        inserted += await step(name, table, () =>
          !fresh
            ? insertRows(tx, table, list)
            : SHARED_TABLES.has(name) && !freshShared
              ? insertSharedRows(tx, table, list)
              : insertNewRows(tx, table, list),
        );
      }
      inserted += await step("quarantine", quarantine, () =>
        insertRows(tx, quarantine, quarantined),
      );
      const of = <T extends TableName>(name: T) => (merged.get(name) ?? []) as InsertRow<T>[];
      await step("datasetTerms", datasets, () => recordDatasetTerms(tx, of("datasetTermsChanges")));
      await step("nodes", nodes, () => recordPreparedNodes(tx, single, merged));
      await step("blobObjects", walrusBlobObjects, () =>
        recordBlobObjects(tx, of("walrusBlobEvents")),
      );
      await step("taint", tainted, () =>
        propagateTaint(tx, {
          retracted: of("datasetRetractions").map((r) => r.datasetId),
          edges: of("edges"),
        }),
      );
      const moved = await step("watermark", watermarks, () =>
        tx
          .insert(watermarks)
          .values({
            pipeline,
            checkpoint: last.sequenceNumber,
            checkpointTimestampMs: last.timestampMs,
          })
          .onConflictDoUpdate({
            target: watermarks.pipeline,
            set: {
              checkpoint: sql`excluded.checkpoint`,
              checkpointTimestampMs: sql`excluded.checkpoint_timestamp_ms`,
              updatedAt: sql`now()`,
            },
            setWhere: sql`${watermarks.checkpoint} < excluded.checkpoint`,
          })
          .returning({ checkpoint: watermarks.checkpoint }),
      );
      writing = undefined;
      return { rows, inserted, watermarkMoved: moved.length > 0, stepMs };
    });
  } catch (cause) {
    throw new CommitError({
      pipeline,
      firstCheckpoint: first.sequenceNumber,
      lastCheckpoint: last.sequenceNumber,
      table: writing && getTableName(writing),
      copied,
      cause,
    });
  }
}

/**
 * Does now what a commit of `rows` (one `CheckpointCommit`'s, or one batch's, as the indexer
 * commits them) needs no database for: renders each table's COPY text (`renderCopyText`) and
 * works out its `nodes` rows (`prepareNodes`). A `commitBatch` of a single `CheckpointCommit`
 * holding this same `rows` object, unchanged, then takes them instead of doing it while its
 * transaction waits; a committer prepares the next batch while the one before commits.
 * Yields to the event loop as it goes.
 */
export async function prepareCommit(rows: Rows): Promise<void> {
  await renderCopyText(rows);
  await prepareNodes(rows);
}

/** The last checkpoint of a non-empty run of consecutive, increasing checkpoints. */
function checkConsecutive(checkpoints: readonly CheckpointCommit[]): CheckpointRef {
  let previous: CheckpointRef | undefined;
  for (const { checkpoint } of checkpoints) {
    const n = checkpoint.sequenceNumber;
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`commit: checkpoint ${n} is not a non-negative safe integer`);
    }
    if (previous !== undefined && n !== previous.sequenceNumber + 1) {
      throw new RangeError(
        `commit: checkpoints must be consecutive, got ${n} after ${previous.sequenceNumber}`,
      );
    }
    previous = checkpoint;
  }
  if (previous === undefined) throw new RangeError("commit: no checkpoint to commit");
  return previous;
}

/** The rows of every checkpoint, concatenated per table, in `appendOnlyTables` order. */
function mergeRows(checkpoints: readonly CheckpointCommit[]): Map<TableName, object[]> {
  const merged = new Map<TableName, object[]>();
  for (const { rows } of checkpoints) {
    for (const name of Object.keys(rows)) {
      if (!Object.hasOwn(appendOnlyTables, name)) {
        throw new TypeError(
          `commit: ${name} is not an append-only table (expected one of ${Object.keys(appendOnlyTables).join(", ")})`,
        );
      }
    }
  }
  for (const name of Object.keys(appendOnlyTables) as TableName[]) {
    const lists = checkpoints.flatMap(({ rows }) => (rows[name]?.length ? [rows[name]] : []));
    // One checkpoint's (or one batch's) list is kept as it is: its COPY text may be rendered.
    if (lists.length > 0) merged.set(name, lists.length === 1 ? lists[0]! : lists.flat());
  }
  return merged;
}

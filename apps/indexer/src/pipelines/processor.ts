/**
 * The pure half of a pipeline (as sui-indexer-alt-framework's `Processor`): one checkpoint in,
 * the rows it yields out, with no I/O. Committing the rows and the watermark is the committer's
 * job (`../committer.ts`).
 */
import { BcsReader } from "@mysten/bcs";
import type { Checkpoint, CheckpointEvent, CheckpointTransaction } from "@verity/checkpoints";
import { readerOffset } from "@verity/checkpoints";
import type { InsertRow, QuarantineRow, Rows, TableName } from "@verity/db";
import type { Layout } from "@verity/sdk";
import type { PipelineSpec } from "./options.ts";

export type { Rows };

/** An event the pipeline could not turn into rows, with the reason and its event id. */
export type QuarantinedEvent = QuarantineRow;

/** What a processor makes of one checkpoint. */
export interface ProcessedCheckpoint {
  rows: Rows;
  quarantined: QuarantinedEvent[];
}

/** A named pipeline's pure part. */
export interface Processor {
  /** Pipeline name, the key of its watermark (`provenance`, `walrus`). */
  readonly name: string;
  /**
   * The packages whose events it reads (0x + 64 hex, as `CheckpointEvent.packageId`): a
   * checkpoint's other transactions make no rows, so a source may leave them out
   * (`DecodeOptions.eventPackages`).
   */
  readonly eventPackages: readonly string[];
  /**
   * How to build the same processor elsewhere (a decoding thread runs it where the checkpoint
   * is decoded: `DecodePool`); absent for processors only this thread can run.
   */
  readonly spec?: PipelineSpec;
  /** Turns a checkpoint into rows. Never throws for bad event bytes: it quarantines them. */
  process(checkpoint: Checkpoint): ProcessedCheckpoint;
}

/** Where an event sits on chain: the event id every row carries. */
export interface EventContext {
  checkpoint: Checkpoint;
  transaction: CheckpointTransaction;
  event: CheckpointEvent;
  eventIndex: number;
}

/** The event-id columns of a row made from the event at `ctx`. */
export const eventIdOf = (ctx: EventContext) => ({
  checkpoint: Number(ctx.checkpoint.sequenceNumber),
  txDigest: ctx.transaction.digest,
  eventIndex: ctx.eventIndex,
});

/**
 * Decodes an event's BCS contents with `layout`, strictly: the bytes must hold exactly one value
 * (a truncated value fails to decode; bytes left over after it are refused too).
 *
 * @returns the decoded value, or the reason it cannot be decoded
 */
export function decodeStrict<T>(
  layout: Layout<T>,
  contents: Uint8Array,
): { value: T } | { reason: string } {
  const reader = new BcsReader(contents);
  let value: T;
  try {
    value = layout.read(reader);
  } catch (error) {
    return { reason: `BCS does not decode as ${layout.name}: ${(error as Error).message}` };
  }
  const rest = contents.length - readerOffset(reader);
  if (rest !== 0) return { reason: `BCS has ${rest} bytes left over after one ${layout.name}` };
  return { value };
}

/** A quarantine row for the event at `ctx`. */
export const quarantine = (ctx: EventContext, reason: string): QuarantinedEvent => ({
  ...eventIdOf(ctx),
  eventType: ctx.event.type,
  reason,
  contents: ctx.event.contents,
});

/** Appends `row` to `rows[table]`. */
export function push<K extends TableName>(rows: Rows, table: K, row: InsertRow<K>): void {
  const list = (rows[table] ?? []) as InsertRow<K>[];
  list.push(row);
  rows[table] = list as Rows[K];
}

/** Appends every row of `from` to `into`, table by table; returns how many rows moved. */
export function appendRows(into: Rows, from: Rows): number {
  const target = into as Record<string, unknown[]>;
  let count = 0;
  for (const [table, rows] of Object.entries(from as Record<string, unknown[]>)) {
    const list = target[table] ?? [];
    list.push(...rows);
    target[table] = list;
    count += rows.length;
  }
  return count;
}

/** Every event of a checkpoint with its context, in chain order. */
export function* eventsOf(checkpoint: Checkpoint): Generator<EventContext> {
  for (const transaction of checkpoint.transactions) {
    for (const [eventIndex, event] of transaction.events.entries()) {
      yield { checkpoint, transaction, event, eventIndex };
    }
  }
}

/**
 * Adds to `rows` the proof parts of `transactions` (those of `checkpoint` whose events made rows
 * or were quarantined) and of `checkpoint`, copied from the source's bytes into one buffer (one
 * allocation per checkpoint instead of one per part, and one buffer for a thread's message to
 * clone): the rows a proof bundle of any of their events is read from. Adds nothing when none is
 * given, or when the source gave no proof parts (test checkpoints built without BCS).
 */
export function keepProofParts(
  rows: Rows,
  network: string,
  checkpoint: Checkpoint,
  transactions: ReadonlySet<CheckpointTransaction>,
): void {
  const parts = checkpoint.proofParts;
  if (transactions.size === 0 || !parts) return;
  const sequence = Number(checkpoint.sequenceNumber);
  const kept = [...transactions].flatMap((tx) =>
    tx.proofParts?.events
      ? [{ tx, effects: tx.proofParts.effects, events: tx.proofParts.events }]
      : [],
  );
  const [certifiedSummary, contents, ...txParts] = copiedTogether([
    parts.certifiedSummary,
    parts.contents,
    ...kept.flatMap(({ effects, events }) => [effects, events]),
  ]);
  push(rows, "checkpointProofs", {
    network,
    checkpoint: sequence,
    epoch: Number(checkpoint.epoch),
    certifiedSummary: certifiedSummary!,
    contents: contents!,
  });
  kept.forEach(({ tx }, i) => {
    push(rows, "transactionProofs", {
      network,
      txDigest: tx.digest,
      checkpoint: sequence,
      effects: txParts[2 * i]!,
      events: txParts[2 * i + 1]!,
    });
  });
}

/** Copies of `parts`, in order, as views into one new buffer holding them all. */
function copiedTogether(parts: readonly Uint8Array[]): Uint8Array[] {
  const buffer = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  return parts.map((part) => {
    buffer.set(part, at);
    at += part.length;
    return buffer.subarray(at - part.length, at);
  });
}

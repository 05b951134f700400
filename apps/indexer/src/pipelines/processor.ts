/**
 * The pure half of a pipeline (as sui-indexer-alt-framework's `Processor`): one checkpoint in,
 * the rows it yields out, with no I/O. Committing the rows and the watermark is the committer's
 * job (`../committer.ts`).
 */
import type { InsertRow, QuarantineRow, Rows, TableName } from "@verity/db";
import type { Layout } from "@verity/sdk";
import type { Checkpoint, CheckpointEvent, CheckpointTransaction } from "../checkpoint.ts";

export type { Rows };

/** An event the pipeline could not turn into rows, with the reason and its proof handle. */
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
  /** Turns a checkpoint into rows. Never throws for bad event bytes: it quarantines them. */
  process(checkpoint: Checkpoint): ProcessedCheckpoint;
}

/** Where an event sits on chain: the proof handle every row carries. */
export interface EventContext {
  checkpoint: Checkpoint;
  transaction: CheckpointTransaction;
  event: CheckpointEvent;
  eventIndex: number;
}

/** The proof-handle columns of a row made from the event at `ctx`. */
export const proofOf = (ctx: EventContext) => ({
  checkpoint: Number(ctx.checkpoint.sequenceNumber),
  txDigest: ctx.transaction.digest,
  eventIndex: ctx.eventIndex,
});

/**
 * Decodes an event's BCS contents with `layout`, strictly: the bytes must be exactly one
 * canonical value (re-encoding gives the same bytes, so trailing or non-canonical bytes fail).
 *
 * @returns the decoded value, or the reason it cannot be decoded
 */
export function decodeStrict(
  layout: Layout,
  contents: Uint8Array,
): { value: unknown } | { reason: string } {
  let value: unknown;
  try {
    value = layout.parse(contents);
  } catch (error) {
    return { reason: `BCS does not decode as ${layout.name}: ${(error as Error).message}` };
  }
  const again = layout.serialize(value as never).toBytes();
  if (again.length !== contents.length || again.some((byte, i) => byte !== contents[i])) {
    return {
      reason: `BCS is not one canonical ${layout.name}: ${contents.length} bytes, ${again.length} decoded`,
    };
  }
  return { value };
}

/** A quarantine row for the event at `ctx`. */
export const quarantine = (ctx: EventContext, reason: string): QuarantinedEvent => ({
  ...proofOf(ctx),
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

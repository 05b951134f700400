/**
 * New provenance as it is indexed, for the live stream: datasets, models, attestations,
 * inferences and Walrus blob events committed after a cursor, in one total order by event
 * id `(checkpoint, tx_digest, event_index)` (each of these rows comes from exactly one
 * event, so the id is unique across them).
 */
import { asc, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { EventId } from "../schema/columns.ts";
import { attestations, datasets, inferences, models, walrusBlobEvents } from "../schema/index.ts";
import { readWatermarks } from "../watermarks.ts";

/** What kind of row a change is. */
export type ChangeKind = "dataset" | "model" | "attestation" | "inference" | "walrus_blob";

/** One new row of the provenance graph, with its event id. */
export interface ProvenanceChange {
  kind: ChangeKind;
  /** object id (0x + 64 hex); for `walrus_blob`, the blob id */
  id: string;
  /** Walrus blob id (URL-safe base64) it stores or names; null for attestations */
  blobId: string | null;
  /**
   * A one-word summary: the name of a dataset or model, the kind of an attestation
   * (`transform`, `training`, ...), the model id of an inference, the Walrus event kind
   * (`registered`, `certified`, `deleted`, ...)
   */
  detail: string;
  /** ms since the Unix epoch (signed time for attestations, chain time otherwise) */
  timestampMs: number;
  event: EventId;
}

/** Where a reader of changes got to: the event id of the last change it saw (exclusive). */
export type ChangeCursor = EventId;

/** The cursor just before checkpoint `checkpoint + 1`: everything up to `checkpoint` is seen. */
export const cursorAfterCheckpoint = (checkpoint: number): ChangeCursor => ({
  checkpoint: checkpoint + 1,
  txDigest: "",
  eventIndex: -1,
});

/**
 * The checkpoint up to which every pipeline has committed (the smallest watermark), or null
 * before any commit. Changes are only read up to it, so that a pipeline lagging behind another
 * cannot add rows behind a reader's cursor.
 */
export async function committedCheckpoint(db: Db): Promise<number | null> {
  const marks = await readWatermarks(db);
  return marks.length === 0 ? null : Math.min(...marks.map((m) => m.checkpoint));
}

type Table =
  | typeof datasets
  | typeof models
  | typeof attestations
  | typeof inferences
  | typeof walrusBlobEvents;

/**
 * Up to `limit` changes after `cursor` and at most at checkpoint `upTo`, in event-id order
 * (tx digests compared bytewise, as `collate "C"`).
 */
export async function provenanceChangesAfter(
  db: Db,
  cursor: ChangeCursor,
  upTo: number,
  limit = 500,
): Promise<ProvenanceChange[]> {
  const read = async (
    kind: ChangeKind,
    table: Table,
    fields: { id: unknown; blobId: unknown; detail: unknown },
  ) => {
    const rows = (await db
      .select({
        ...(fields as unknown as Record<string, never>),
        timestampMs: table.timestampMs,
        checkpoint: table.checkpoint,
        txDigest: table.txDigest,
        eventIndex: table.eventIndex,
      })
      .from(table as typeof datasets)
      .where(
        sql`(${table.checkpoint}, ${table.txDigest} collate "C", ${table.eventIndex}) > (${cursor.checkpoint}, ${cursor.txDigest} collate "C", ${cursor.eventIndex}) and ${table.checkpoint} <= ${upTo}`,
      )
      .orderBy(asc(table.checkpoint), sql`${table.txDigest} collate "C"`, asc(table.eventIndex))
      .limit(limit)) as unknown as {
      id: string;
      blobId: string | null;
      detail: string;
      timestampMs: number;
      checkpoint: number;
      txDigest: string;
      eventIndex: number;
    }[];
    return rows.map(
      ({ checkpoint, txDigest, eventIndex, ...rest }): ProvenanceChange => ({
        kind,
        ...rest,
        timestampMs: Number(rest.timestampMs),
        event: { checkpoint: Number(checkpoint), txDigest, eventIndex },
      }),
    );
  };
  const all = (
    await Promise.all([
      read("dataset", datasets, {
        id: datasets.datasetId,
        blobId: datasets.blobId,
        detail: datasets.name,
      }),
      read("model", models, { id: models.modelId, blobId: models.blobId, detail: models.name }),
      read("attestation", attestations, {
        id: attestations.attestationId,
        blobId: sql<null>`null`,
        detail: attestations.kind,
      }),
      read("inference", inferences, {
        id: inferences.inferenceId,
        blobId: inferences.outputBlobId,
        detail: inferences.modelId,
      }),
      read("walrus_blob", walrusBlobEvents, {
        id: walrusBlobEvents.blobId,
        blobId: walrusBlobEvents.blobId,
        detail: walrusBlobEvents.kind,
      }),
    ])
  ).flat();
  return all.sort((a, b) => compareEventIds(a.event, b.event)).slice(0, limit);
}

/** Orders event ids as PostgreSQL does with `collate "C"`. */
export function compareEventIds(a: EventId, b: EventId): number {
  if (a.checkpoint !== b.checkpoint) return a.checkpoint - b.checkpoint;
  if (a.txDigest !== b.txDigest) return a.txDigest < b.txDigest ? -1 : 1;
  return a.eventIndex - b.eventIndex;
}

/** Links from answers to the proof bundles of their events (`/v1/proofs/{txDigest}/{eventIndex}`). */
import { type ProofBundleJson, proofBundleToJson } from "@verity/checkpoints";
import { type Db, type EventId, type ProvLineage, proofParts } from "@verity/db";

/** An event, as answers name it. */
interface EventRef {
  txDigest: string;
  eventIndex: number;
}

/** The path of `event`'s proof bundle: `/v1/proofs/{txDigest}/{eventIndex}`. */
export const proofPath = (event: EventRef): string =>
  `/v1/proofs/${event.txDigest}/${event.eventIndex}`;

/** `T` with a `proof` path on every event id in it (see `linkProofs`). */
export type WithProofs<T> = T extends readonly (infer U)[]
  ? WithProofs<U>[]
  : T extends { txDigest: string; eventIndex: number; checkpoint: number }
    ? T & { proof: string }
    : T extends object
      ? { [K in keyof T]: WithProofs<T[K]> }
      : T;

/**
 * A copy of `answer` in which every event id (an object with `checkpoint`, `txDigest` and
 * `eventIndex`) also names its proof bundle: `proof`, the path `proofPath` gives. Answers are
 * plain JSON data (objects, arrays, scalars).
 */
export function linkProofs<T>(answer: T): WithProofs<T> {
  return link(answer) as WithProofs<T>;
}

function link(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(link);
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  if (
    typeof o.txDigest === "string" &&
    typeof o.eventIndex === "number" &&
    typeof o.checkpoint === "number"
  )
    return { ...o, proof: proofPath(o as unknown as EventRef) };
  const copy: Record<string, unknown> = {};
  for (const key in o) copy[key] = link(o[key]);
  return copy;
}

/**
 * `lineage` with each node's and edge's event naming its proof bundle, by giving each a new
 * event object (the graph in memory may share the old ones): `linkProofs` for the hot path,
 * about 0.1 ms instead of 1.6 ms on a lineage of 500 nodes and 821 edges.
 */
export function linkLineageProofs(lineage: ProvLineage): WithProofs<ProvLineage> {
  const link = (element: { event: EventId }) => {
    const { checkpoint, txDigest, eventIndex } = element.event;
    element.event = {
      checkpoint,
      txDigest,
      eventIndex,
      proof: proofPath(element.event),
    } as EventId;
  };
  lineage.nodes.forEach(link);
  lineage.edges.forEach(link);
  return lineage as WithProofs<ProvLineage>;
}

/**
 * The proof bundles of `events`, by `proofPath`, read in one query; events whose transaction
 * has no kept proof parts are left out.
 */
export async function proofBundles(
  db: Db,
  events: readonly EventRef[],
  network?: string,
): Promise<Record<string, ProofBundleJson>> {
  const parts = await proofParts(
    db,
    events.map((e) => e.txDigest),
    network,
  );
  const bundles: Record<string, ProofBundleJson> = {};
  for (const event of events) {
    const kept = parts.get(event.txDigest);
    const path = proofPath(event);
    if (kept && !(path in bundles))
      bundles[path] = proofBundleToJson({ ...kept, eventIndex: event.eventIndex }, kept);
  }
  return bundles;
}

/**
 * OpenLineage RunEvents (spec 2-0-2, https://openlineage.io/spec/2-0-2/OpenLineage.json) of a
 * lineage. Pure.
 *
 * One `COMPLETE` event per activity node (attestation or inference) of the lineage:
 * - `run.runId`: a UUIDv5 of the activity's object id (namespace `VERITY_RUN_NAMESPACE`), so
 *   the same attestation always gives the same run;
 * - `job`: namespace `verity:<network>`, name the attestation kind (`transform`, `training`,
 *   ...; `inference` for inference objects);
 * - `eventTime`: the activity's time (signed time for attestations), ISO 8601;
 * - `inputs`: the entities it `used`; `outputs`: the entities `wasGeneratedBy` it, both among
 *   the lineage's edges. Datasets are named by object id in namespace `sui:<network>`, or by
 *   blob id in `walrus:<network>` for Walrus blobs;
 * - a custom `verity` facet on the run and on every dataset: its kind, label and event id
 *   (`checkpoint`, `txDigest`, `eventIndex`);
 * - a custom `verityTerms` facet on every Verity dataset whose terms for AI use are given: the
 *   terms in their JSON shape (`ai_training`, `ai_generative_training`, `ai_inference`,
 *   `data_mining`, each `{ use, constraints }`, in the C2PA / CAWG vocabulary).
 */
import { createHash } from "node:crypto";
import type { AiTerms, EventId, ProvLineage, ProvNode } from "@verity/db";
import type { EdgeKind, NodeKind } from "@verity/sdk";
import { proofPath } from "../proof-links.ts";

/** Written in every event's `producer` and every facet's `_producer`. */
export const OPENLINEAGE_PRODUCER = "https://verity.dev/api";
const RUN_EVENT_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
const FACET_SCHEMA = "https://verity.dev/spec/openlineage/VerityFacet.json";
const TERMS_FACET_SCHEMA = "https://verity.dev/spec/openlineage/VerityTermsFacet.json";

/** The UUID namespace of run ids (a UUIDv5 of the DNS name `runs.verity.dev`). */
export const VERITY_RUN_NAMESPACE = uuidV5(
  "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
  "runs.verity.dev",
);

/** The custom facet: which Verity node this is, and the event that proves it. */
export interface VerityFacet {
  _producer: string;
  _schemaURL: string;
  kind: NodeKind;
  label?: string;
  /** the event id, and the path of its proof bundle */
  event: EventId & { proof: string };
}

/** The custom dataset facet of a Verity dataset's terms for AI use. */
export type VerityTermsFacet = { _producer: string; _schemaURL: string } & AiTerms;

/** An input or output dataset of a run. */
export interface OpenLineageDataset {
  namespace: string;
  name: string;
  facets: { verity: VerityFacet; verityTerms?: VerityTermsFacet };
}

/** A RunEvent of OpenLineage 2-0-2. */
export type RunEvent = {
  eventType: "COMPLETE";
  eventTime: string;
  producer: string;
  schemaURL: string;
  run: { runId: string; facets: { verity: VerityFacet } };
  job: { namespace: string; name: string };
  inputs: OpenLineageDataset[];
  outputs: OpenLineageDataset[];
};

/** RFC 9562 UUID version 5 (SHA-1) of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name)
    .digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x50;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = b.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const facet = (n: ProvNode): VerityFacet => ({
  _producer: OPENLINEAGE_PRODUCER,
  _schemaURL: FACET_SCHEMA,
  kind: n.kind,
  ...(n.label !== undefined && { label: n.label }),
  event: { ...n.event, proof: proofPath(n.event) },
});

function dataset(n: ProvNode, network: string, terms: AiTerms | undefined): OpenLineageDataset {
  return {
    namespace: `${n.kind === "blob" ? "walrus" : "sui"}:${network}`,
    name: n.id,
    facets: {
      verity: facet(n),
      ...(terms && {
        verityTerms: { _producer: OPENLINEAGE_PRODUCER, _schemaURL: TERMS_FACET_SCHEMA, ...terms },
      }),
    },
  };
}

/**
 * One RunEvent per activity of `lineage`, in the lineage's node order (nearest first).
 *
 * @param network the chain the lineage comes from (e.g. `testnet`), used in namespaces
 * @param datasetTerms the terms for AI use in force of the lineage's datasets, by dataset id
 */
export function toOpenLineage(
  lineage: ProvLineage,
  network: string,
  datasetTerms: ReadonlyMap<string, AiTerms> = new Map(),
): RunEvent[] {
  const byId = new Map(lineage.nodes.map((n) => [n.id, n]));
  const linked = (activity: string, kind: EdgeKind, end: "src" | "dst") =>
    lineage.edges
      .filter((e) => e.kind === kind && (end === "src" ? e.dst : e.src) === activity)
      .map((e) => byId.get(end === "src" ? e.src : e.dst))
      .filter((n): n is ProvNode => n !== undefined && n.provType === "entity")
      .map((n) => dataset(n, network, datasetTerms.get(n.id)));
  return lineage.nodes
    .filter((n) => n.provType === "activity")
    .map((n) => ({
      eventType: "COMPLETE",
      eventTime: new Date(n.timestampMs ?? 0).toISOString(),
      producer: OPENLINEAGE_PRODUCER,
      schemaURL: RUN_EVENT_SCHEMA,
      run: { runId: uuidV5(VERITY_RUN_NAMESPACE, n.id), facets: { verity: facet(n) } },
      job: { namespace: `verity:${network}`, name: n.subkind ?? n.kind },
      inputs: linked(n.id, "used", "dst"),
      outputs: linked(n.id, "wasGeneratedBy", "src"),
    }));
}

/**
 * W3C PROV-JSON (https://www.w3.org/submissions/prov-json/) of a lineage. Pure.
 *
 * Identifiers: objects and addresses are `sui:<0x id>`, Walrus blobs `walrus:<blob id>`.
 * Records: each node is an `entity`, `activity` or `agent` (its `provType`), with `prov:type`
 * `verity:<kind>`, `prov:label` (names), `verity:retracted` / `verity:tainted` and its event id; a
 * dataset whose terms for AI use are given also carries them, one attribute per C2PA / CAWG
 * use (`verity:ai_training`, `verity:ai_generative_training`, `verity:ai_inference`,
 * `verity:data_mining`: `allowed`, `notAllowed` or `constrained`) and, for a constrained one,
 * its constraints (`verity:ai_training_constraints`, ...: a PROV-JSON multi-valued attribute).
 * Edges map by kind:
 *
 * | edge | PROV-JSON |
 * | --- | --- |
 * | `used` | `used` (activity, entity) |
 * | `wasGeneratedBy` | `wasGeneratedBy` (entity, activity) |
 * | `wasDerivedFrom` | `wasDerivedFrom` (generatedEntity, usedEntity) |
 * | `wasRevisionOf` | `wasDerivedFrom` with `prov:type` `prov:Revision` |
 * | `storedAs` | `wasDerivedFrom` (dataset/model from its blob) with `prov:type` `verity:storedAs` |
 * | `wasAttributedTo` | `wasAttributedTo` (entity, agent) |
 * | `wasAssociatedWith` | `wasAssociatedWith` (activity, agent) |
 * | `wasInformedBy` | `wasInformedBy` (informed, informant) |
 * | `governedBy` | `wasInfluencedBy` (influencee, influencer) with `prov:type` `verity:governedBy` |
 *
 * An edge of any other kind becomes `wasInfluencedBy` with `prov:type` `verity:<kind>`. Every
 * record (node or relation) carries `verity:checkpoint`, `verity:txDigest`, `verity:eventIndex`:
 * the id of the event behind it, and `verity:proof`, the path of its proof bundle. Relation ids are blank nodes `_:<kind><n>`, numbered
 * in the lineage's edge order. An edge an attestation backs also carries `verity:signed` (whether
 * an attester signed it, else only the submitter claims it) and `verity:enclave` (whether that
 * attester is an enclave).
 */
import type { AiTerms, EventId, ProvEdge, ProvLineage, ProvNode } from "@verity/db";
import { type EdgeKind, type NodeKind, terms } from "@verity/sdk";
import { proofPath } from "../proof-links.ts";

/** A typed PROV-JSON value (here: qualified names). */
interface QualifiedName {
  $: string;
  type: "xsd:QName";
}

type Attributes = Record<string, string | number | boolean | QualifiedName | string[]>;

/** A PROV-JSON document: `prefix`, then one map of records per PROV type. */
export type ProvDocument = {
  prefix: Record<string, string>;
  entity: Record<string, Attributes>;
  activity: Record<string, Attributes>;
  agent: Record<string, Attributes>;
  used: Record<string, Attributes>;
  wasGeneratedBy: Record<string, Attributes>;
  wasDerivedFrom: Record<string, Attributes>;
  wasAttributedTo: Record<string, Attributes>;
  wasAssociatedWith: Record<string, Attributes>;
  wasInformedBy: Record<string, Attributes>;
  wasInfluencedBy: Record<string, Attributes>;
};

/** The namespaces of Verity's PROV documents. */
export const PROV_PREFIXES = {
  verity: "https://verity.dev/ns/prov#",
  sui: "https://verity.dev/ns/sui/object/",
  walrus: "https://verity.dev/ns/walrus/blob/",
} as const;

/** The maps of relation records. */
type Relation = Exclude<keyof ProvDocument, "prefix" | "entity" | "activity" | "agent">;

const qname = ($: string): QualifiedName => ({ $, type: "xsd:QName" });

/** Each edge kind's PROV relation, the attribute names of its two ends, and its `prov:type`. */
const RELATIONS: Readonly<
  Record<EdgeKind, [relation: Relation, src: string, dst: string, type?: string]>
> = {
  used: ["used", "prov:activity", "prov:entity"],
  wasGeneratedBy: ["wasGeneratedBy", "prov:entity", "prov:activity"],
  wasDerivedFrom: ["wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity"],
  wasRevisionOf: ["wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity", "prov:Revision"],
  storedAs: ["wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity", "verity:storedAs"],
  wasAttributedTo: ["wasAttributedTo", "prov:entity", "prov:agent"],
  wasAssociatedWith: ["wasAssociatedWith", "prov:activity", "prov:agent"],
  wasInformedBy: ["wasInformedBy", "prov:informed", "prov:informant"],
  governedBy: ["wasInfluencedBy", "prov:influencee", "prov:influencer", "verity:governedBy"],
};

const eventIdAttributes = (p: EventId): Attributes => ({
  "verity:checkpoint": p.checkpoint,
  "verity:txDigest": p.txDigest,
  "verity:eventIndex": p.eventIndex,
  "verity:proof": proofPath(p),
});

/** The PROV qualified name of a node: `walrus:<id>` for blobs, `sui:<id>` otherwise. */
export function provId(id: string, kind: NodeKind | undefined): string {
  return `${kind === "blob" ? "walrus" : "sui"}:${id}`;
}

/**
 * A dataset's terms as attributes, in Move field order: each use's permission, and the
 * constraints of the constrained ones.
 */
function termsAttributes(aiTerms: AiTerms): Attributes {
  const attributes: Attributes = {};
  for (const use of terms.AI_USES) {
    const { use: permission, constraints } = aiTerms[use];
    attributes[`verity:${use}`] = permission;
    if (permission === "constrained") attributes[`verity:${use}_constraints`] = constraints;
  }
  return attributes;
}

function nodeRecord(n: ProvNode, aiTerms: AiTerms | undefined): Attributes {
  return {
    "prov:type": qname(`verity:${n.kind}`),
    ...(n.label !== undefined && { "prov:label": n.label }),
    ...(n.subkind !== undefined && { "verity:subkind": n.subkind }),
    ...(n.timestampMs !== undefined && { "verity:timestampMs": n.timestampMs }),
    "verity:retracted": n.retracted,
    "verity:tainted": n.tainted,
    ...(aiTerms && termsAttributes(aiTerms)),
    ...eventIdAttributes(n.event),
  };
}

function edgeRecord(e: ProvEdge, kindOf: Map<string, NodeKind>): [Relation, Attributes] {
  const [relation, src, dst, type] = RELATIONS[e.kind] ?? [
    "wasInfluencedBy",
    "prov:influencee",
    "prov:influencer",
    `verity:${e.kind}`,
  ];
  return [
    relation,
    {
      [src]: provId(e.src, kindOf.get(e.src)),
      [dst]: provId(e.dst, kindOf.get(e.dst)),
      ...(type !== undefined && { "prov:type": qname(type) }),
      ...(e.signed !== null && { "verity:signed": e.signed }),
      ...(e.enclave !== null && { "verity:enclave": e.enclave }),
      ...eventIdAttributes(e.event),
    },
  ];
}

/**
 * The PROV-JSON document of `lineage`: its nodes as records, its edges as relations.
 *
 * @param datasetTerms the terms for AI use in force of the lineage's datasets, by dataset id
 */
export function toProvJson(
  lineage: ProvLineage,
  datasetTerms: ReadonlyMap<string, AiTerms> = new Map(),
): ProvDocument {
  const doc: ProvDocument = {
    prefix: { ...PROV_PREFIXES },
    entity: {},
    activity: {},
    agent: {},
    used: {},
    wasGeneratedBy: {},
    wasDerivedFrom: {},
    wasAttributedTo: {},
    wasAssociatedWith: {},
    wasInformedBy: {},
    wasInfluencedBy: {},
  };
  const kindOf = new Map(lineage.nodes.map((n) => [n.id, n.kind]));
  for (const n of lineage.nodes) {
    doc[n.provType][provId(n.id, n.kind)] = nodeRecord(n, datasetTerms.get(n.id));
  }
  const counts = new Map<string, number>();
  for (const e of lineage.edges) {
    const n = (counts.get(e.kind) ?? 0) + 1;
    counts.set(e.kind, n);
    const [relation, record] = edgeRecord(e, kindOf);
    doc[relation][`_:${e.kind}${n}`] = record;
  }
  return doc;
}

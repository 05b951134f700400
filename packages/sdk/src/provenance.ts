/**
 * The vocabulary of Verity's provenance graph, in W3C PROV terms (PROV-DM,
 * https://www.w3.org/TR/prov-dm/): the kinds of its nodes, the PROV class of each, the kinds of
 * its edges, and the kinds of Seal policies. The indexer writes only these; the database, the
 * API and its exports read them. An attestation node's kind of activity is one of
 * `ATTESTATION_KIND_NAMES` (`contracts/verity/attestation.ts`, indexed by the Move `kind: u8`).
 */

/** The W3C PROV classes a node belongs to: `prov:Entity`, `prov:Activity`, `prov:Agent`. */
export const PROV_TYPES = ["entity", "activity", "agent"] as const;

/** A W3C PROV class, one of `PROV_TYPES`. */
export type ProvType = (typeof PROV_TYPES)[number];

/**
 * The kinds of the graph's nodes (a node is an object id, an address or a Walrus blob id):
 *
 * | kind | PROV class | what |
 * | --- | --- | --- |
 * | `dataset` | entity | a registered dataset |
 * | `model` | entity | a registered model |
 * | `blob` | entity | a Walrus blob (by blob id): content, or an activity's input or output |
 * | `policy` | entity | a Seal policy (one of `POLICY_KINDS`) |
 * | `object` | entity | an object an activity used or generated, of a kind the graph does not know |
 * | `attestation` | activity | an attested activity (one of `ATTESTATION_KIND_NAMES`) |
 * | `inference` | activity | a model run an attester signed |
 * | `attester` | agent | a registered attester (an enclave or a plain key) |
 * | `agent` | agent | an address: a creator, or the submitter of an unsigned attestation |
 */
export const NODE_KINDS = [
  "dataset",
  "model",
  "blob",
  "policy",
  "object",
  "attestation",
  "inference",
  "attester",
  "agent",
] as const;

/** A node kind, one of `NODE_KINDS`. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** The PROV class of each node kind (see `NODE_KINDS`). */
export const PROV_TYPE_OF: Readonly<Record<NodeKind, ProvType>> = {
  dataset: "entity",
  model: "entity",
  blob: "entity",
  policy: "entity",
  object: "entity",
  attestation: "activity",
  inference: "activity",
  attester: "agent",
  agent: "agent",
};

/**
 * The kinds of the graph's edges, from `src` to `dst` (from the later thing to what it came
 * from): the W3C PROV relations, plus `storedAs` and `governedBy`.
 *
 * | kind | src -> dst |
 * | --- | --- |
 * | `wasDerivedFrom` | dataset -> parent dataset; model -> base model; model -> training dataset |
 * | `wasRevisionOf` | dataset -> the version it replaces (a PROV revision) |
 * | `used` | attestation / inference -> input object, model or blob |
 * | `wasGeneratedBy` | dataset / model / output object or blob -> attestation or inference |
 * | `wasAttributedTo` | dataset / model -> its creator (agent) |
 * | `wasAssociatedWith` | attestation / inference -> attester, or the submitter when unsigned |
 * | `wasInformedBy` | inference -> its attestation |
 * | `governedBy` | dataset -> its Seal policy |
 * | `storedAs` | dataset / model -> the Walrus blob of its content |
 */
export const EDGE_KINDS = [
  "wasDerivedFrom",
  "wasRevisionOf",
  "used",
  "wasGeneratedBy",
  "wasAttributedTo",
  "wasAssociatedWith",
  "wasInformedBy",
  "governedBy",
  "storedAs",
] as const;

/** An edge kind, one of `EDGE_KINDS`. */
export type EdgeKind = (typeof EDGE_KINDS)[number];

/**
 * The kinds of Seal policies (a `policy` node's subkind), one per Move module that makes them:
 * `verity::allowlist`, `verity::timelock`, `verity::subscription` (a subscription service).
 */
export const POLICY_KINDS = ["allowlist", "timelock", "subscription"] as const;

/** A Seal policy kind, one of `POLICY_KINDS`. */
export type PolicyKind = (typeof POLICY_KINDS)[number];

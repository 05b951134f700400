/**
 * `@verity/db`: Verity's PostgreSQL schema (drizzle), its migrations (drizzle-kit), the two
 * drivers behind one API (postgres.js for a server, PGlite embedded), and the write path the
 * indexer commits through.
 */
export * from "./audit/audit.ts";
export {
  AUDIT_RULES,
  type AuditFinding,
  type AuditRule,
  type AuditRuleResult,
  MAX_FINDINGS,
} from "./audit/findings.ts";
export * from "./audit/policy.ts";
export { SIGNED_EDGE_KINDS } from "./audit/rules.ts";
export * from "./audit/training-summary.ts";
export { recordBlobObjects } from "./blob-objects.ts";
export * from "./committees.ts";
export * from "./copy.ts";
export * from "./copy-text.ts";
export * from "./database.ts";
export { recordDatasetTerms } from "./dataset-terms.ts";
export * from "./errors.ts";
export { EdgeGraph } from "./graph/edge-graph.ts";
export { followGraph, HeldGraph, LiveGraph } from "./graph/live-graph.ts";
export type {
  LineageDirection,
  LineageEdge,
  LineageOptions,
  NodeFacts,
} from "./graph/types.ts";
export { ROWS_PER_INSERT, UNNEST_MIN_ROWS } from "./insert.ts";
export * from "./migrate.ts";
export { NODE_SOURCE, recordNodes } from "./nodes.ts";
export { oncePer } from "./once-per.ts";
export * from "./open.ts";
export * from "./queries/activities.ts";
export * from "./queries/agents.ts";
export {
  type AttestationCheck,
  type AttestationVerdict,
  type AttesterKind,
  verifyAttestation,
} from "./queries/attestation-verdict.ts";
export * from "./queries/blobs.ts";
export * from "./queries/changes.ts";
export * from "./queries/enclave-configs.ts";
export * from "./queries/entities.ts";
export type { EntityEvent, TimeRange } from "./queries/event-id.ts";
export { explain } from "./queries/explain.ts";
export * from "./queries/governance.ts";
export {
  type Lineage,
  type LineageNode,
  lineage,
  MAX_LINEAGE_DEPTH,
  type ProvEdge,
  type ProvLineage,
  type ProvNode,
  provLineage,
} from "./queries/lineage.ts";
export { nodeFacts, nodeFactsQuery } from "./queries/node-facts.ts";
export * from "./queries/page.ts";
export * from "./queries/proof-parts.ts";
export * from "./queries/search.ts";
export * from "./queries/status.ts";
export * from "./queries/verify.ts";
export * from "./redact.ts";
export type { EventId } from "./schema/columns.ts";
export * from "./schema/index.ts";
export * from "./tables.ts";
export * from "./taint.ts";
export * from "./watermarks.ts";
export * from "./write.ts";

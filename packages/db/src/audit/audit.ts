/**
 * Audits: a policy's rules (`policy.ts`) checked over everything upstream of a subject (a model,
 * dataset, inference or blob), as the chain stood at a checkpoint or now, each finding naming
 * the node or edge, why, and the event that shows it (whose proof bundle the API links).
 */
import type { NodeKind } from "@verity/sdk";
import type { Db } from "../database.ts";
import type { LiveGraph } from "../graph/live-graph.ts";
import { provLineage } from "../queries/lineage.ts";
import type { EventId } from "../schema/columns.ts";
import type { AuditRuleResult, Upstream } from "./findings.ts";
import type { AuditPolicy } from "./policy.ts";
import { attestationRule, consentRule, licensesRule, limitsRule } from "./rules.ts";
import { availabilityRule, termsRule } from "./usage-rules.ts";

/** What an audit found. */
export interface AuditReport {
  subject: { id: string; kind: NodeKind | null; label?: string; event: EventId };
  /** the checkpoint the chain was read as of; null: everything indexed */
  asOf: number | null;
  /** `pass` when every rule the policy turns on passed */
  verdict: "pass" | "fail";
  policy: AuditPolicy;
  /** what the audit walked: nodes upstream (the subject among them) and edges among them */
  upstream: { nodes: number; edges: number; truncated: boolean };
  /** the rules the policy turns on, in `AUDIT_RULES` order */
  rules: AuditRuleResult[];
}

/**
 * Audits `subject` (an object id, address or Walrus blob id) against `policy` (from
 * `parseAuditPolicy`): walks its upstream (edges src -> dst, up to `policy.limits`; with `asOf`,
 * only edges emitted at or before that checkpoint, read with SQL; else from `live` when
 * loaded), then checks each rule the policy turns on:
 * - `limits`: nothing upstream beyond `depth` hops, no more than `maxNodes` nodes;
 * - `licenses`: every upstream dataset's license parses as an SPDX expression and, with
 *   `licenses.allowed`, is satisfied by the allowed ids (`spdx-satisfies`);
 * - `consent`: no upstream dataset retracted (as of `asOf`), and no upstream node with a path of
 *   `TAINT_EDGE_KINDS` edges to one (without `asOf`, also the taint the write path recorded);
 * - `attestation`: every `SIGNED_EDGE_KINDS` edge upstream signed by an attester, no upstream
 *   attestation signed by an attester revoked before it, and with `allowedEnclaves` every one
 *   signed by an enclave attester of one of those PCR sets.
 * - `terms`: every dataset an upstream training, fine-tune or inference used allows that use
 *   (`TERMS_OF_KIND`) in its terms for AI use in force;
 * - `availability`: every upstream Walrus blob certified, not deleted, and stored until the
 *   policy's epoch.
 *
 * @returns null when nothing names `subject` (or, with `asOf`, nothing did by then)
 * @throws RangeError for an `asOf` that is not a non-negative integer; the driver's error when
 *   the database cannot be read
 */
export async function auditUpstream(
  db: Db,
  subject: string,
  policy: AuditPolicy,
  { asOf, live }: { asOf?: number; live?: LiveGraph } = {},
): Promise<AuditReport | null> {
  const { depth, maxNodes } = policy.limits;
  // One hop further than allowed, to tell an upstream longer than `depth`.
  const walk = await provLineage(
    db,
    subject,
    { direction: "upstream", depth: depth + 1, maxNodes, asOf },
    live,
  );
  const start = walk?.nodes[0];
  if (!walk || !start || (asOf !== undefined && start.event.checkpoint > asOf)) return null;
  const nodes = new Map(walk.nodes.filter((n) => n.depth <= depth).map((n) => [n.id, n]));
  const edges = walk.edges.filter((e) => nodes.has(e.src) && nodes.has(e.dst));
  const upstream: Upstream = { nodes, edges, asOf };

  const rules: AuditRuleResult[] = [
    limitsRule(walk.nodes.length - nodes.size, walk.truncated, policy),
  ];
  // Each rule's statement at once: on PostgreSQL, each on a connection of the pool.
  rules.push(
    ...(await Promise.all([
      licensesRule(db, upstream, policy.licenses.allowed),
      ...(policy.consent ? [consentRule(db, upstream)] : []),
      ...(policy.attestation ? [attestationRule(db, upstream, policy.allowedEnclaves)] : []),
      ...(policy.terms ? [termsRule(db, upstream)] : []),
      ...(policy.availability ? [availabilityRule(db, upstream, policy.availability)] : []),
    ])),
  );
  const { kind, label, event } = start;
  return {
    subject: { id: subject, kind, ...(label !== undefined && { label }), event },
    asOf: asOf ?? null,
    verdict: rules.every((r) => r.passed) ? "pass" : "fail",
    policy,
    upstream: { nodes: nodes.size, edges: edges.length, truncated: walk.truncated },
    rules,
  };
}

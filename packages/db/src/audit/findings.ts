/**
 * What audit rules report, and what they share: the upstream they check, their findings, and
 * the helpers that name nodes and events in them.
 */
import type { EdgeKind } from "@verity/sdk";
import { sql } from "drizzle-orm";
import type { ProvEdge, ProvNode } from "../queries/lineage.ts";
import type { EventId } from "../schema/columns.ts";

/** The rules, in the order a report lists them. */
export const AUDIT_RULES = [
  "limits",
  "licenses",
  "consent",
  "attestation",
  "terms",
  "availability",
] as const;

/** A rule, one of `AUDIT_RULES`. */
export type AuditRule = (typeof AUDIT_RULES)[number];

/**
 * Most findings a rule lists (the rest are counted in `omitted`): enough to act on, while an
 * upstream failing everywhere does not make a report of megabytes.
 */
export const MAX_FINDINGS = 1000;

/** Why a rule failed, at one node or edge. */
export interface AuditFinding {
  /** the node it is about (an object id, address or Walrus blob id) */
  node?: string;
  /** the edge it is about */
  edge?: { kind: EdgeKind; src: string; dst: string };
  /** a sentence saying what is wrong */
  reason: string;
  /**
   * the event that shows it (the retraction, the unsigned link, the dataset's registration, the
   * revocation); null when nothing on chain does (a limit)
   */
  event: EventId | null;
}

/** One rule's outcome. */
export interface AuditRuleResult {
  rule: AuditRule;
  passed: boolean;
  /** how many nodes or edges it looked at */
  checked: number;
  /** the first `MAX_FINDINGS` findings, in the rule's order */
  findings: AuditFinding[];
  /** findings left out past `MAX_FINDINGS` */
  omitted: number;
}

/** The graph an audit checks: the subject's upstream, within the policy's limits. */
export interface Upstream {
  /** the nodes within the depth, by id, nearest first */
  nodes: Map<string, ProvNode>;
  /** the edges among them */
  edges: ProvEdge[];
  asOf: number | undefined;
}

/** A rule's result from its findings. */
export const result = (
  rule: AuditRule,
  checked: number,
  findings: AuditFinding[],
): AuditRuleResult => ({
  rule,
  passed: findings.length === 0,
  checked,
  findings: findings.slice(0, MAX_FINDINGS),
  omitted: Math.max(0, findings.length - MAX_FINDINGS),
});

/** A name for node `id` in a sentence: its kind and label when known. */
export function named(id: string, nodes: Map<string, ProvNode>): string {
  const node = nodes.get(id);
  return `${node?.kind ?? "node"} ${id}${node?.label ? ` (${node.label})` : ""}`;
}

/** The ids of `kind` among `nodes`. */
export const idsOf = (nodes: Map<string, ProvNode>, kind: ProvNode["kind"]) =>
  [...nodes.values()].filter((n) => n.kind === kind).map((n) => n.id);

export const eventOf = (row: {
  checkpoint: number | string;
  txDigest: string;
  eventIndex: number;
}) => ({
  checkpoint: Number(row.checkpoint),
  txDigest: row.txDigest,
  eventIndex: Number(row.eventIndex),
});

/** The columns of an event id, as `eventOf` reads them. */
export const EVENT_COLUMNS = sql.raw(
  `checkpoint, tx_digest as "txDigest", event_index as "eventIndex"`,
);

export type EventRow = { checkpoint: number | string; txDigest: string; eventIndex: number };

/** `findings` in node id order (code points), so reports compare. */
export const sortedByNode = (findings: AuditFinding[]) =>
  findings.sort((a, b) => ((a.node ?? "") < (b.node ?? "") ? -1 : a.node === b.node ? 0 : 1));

/**
 * Audits: a policy's rules (`policy.ts`) checked over everything upstream of a subject (a model,
 * dataset, inference or blob), as the chain stood at a checkpoint or now, each finding naming
 * the node or edge, why, and the event that shows it (whose proof bundle the API links).
 */
import type { EdgeKind, NodeKind } from "@verity/sdk";
import { sql } from "drizzle-orm";
import satisfies from "spdx-satisfies";
import type { Db } from "../database.ts";
import type { LiveGraph } from "../graph/live-graph.ts";
import { type ProvEdge, type ProvNode, provLineage } from "../queries/lineage.ts";
import { selectRows, textArray } from "../raw.ts";
import type { EventId } from "../schema/columns.ts";
import { TAINT_EDGE_KINDS } from "../taint.ts";
import { type AuditPolicy, isSpdxExpression } from "./policy.ts";

/** The rules, in the order a report lists them. */
export const AUDIT_RULES = ["limits", "licenses", "consent", "attestation"] as const;

/** A rule, one of `AUDIT_RULES`. */
export type AuditRule = (typeof AUDIT_RULES)[number];

/**
 * Most findings a rule lists (the rest are counted in `omitted`): enough to act on, while an
 * upstream failing everywhere does not make a report of megabytes.
 */
export const MAX_FINDINGS = 1000;

/** The links the attestation rule wants signed: derivations, uses (training, inputs), outputs. */
export const SIGNED_EDGE_KINDS = [
  "wasDerivedFrom",
  "used",
  "wasGeneratedBy",
] as const satisfies readonly EdgeKind[];

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

/** The graph an audit checks: the subject's upstream, within the policy's limits. */
interface Upstream {
  /** the nodes within the depth, by id, nearest first */
  nodes: Map<string, ProvNode>;
  /** the edges among them */
  edges: ProvEdge[];
  asOf: number | undefined;
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
 * - `attestation`: every `SIGNED_EDGE_KINDS` edge upstream signed by an attester, and no
 *   upstream attestation signed by an attester revoked before it.
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
      ...(policy.attestation ? [attestationRule(db, upstream)] : []),
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

/** A rule's result from its findings. */
const result = (rule: AuditRule, checked: number, findings: AuditFinding[]): AuditRuleResult => ({
  rule,
  passed: findings.length === 0,
  checked,
  findings: findings.slice(0, MAX_FINDINGS),
  omitted: Math.max(0, findings.length - MAX_FINDINGS),
});

/** `limits`: `beyond` nodes past the depth, or a walk cut at `maxNodes`. */
function limitsRule(beyond: number, truncated: boolean, policy: AuditPolicy): AuditRuleResult {
  const { depth, maxNodes } = policy.limits;
  const findings: AuditFinding[] = [];
  if (beyond > 0)
    findings.push({ reason: `the upstream is longer than ${depth} hops`, event: null });
  if (truncated)
    findings.push({
      reason: `the upstream holds more than ${maxNodes} nodes: the rest were not checked`,
      event: null,
    });
  return result("limits", 2, findings);
}

/** A name for node `id` in a sentence: its kind and label when known. */
function named(id: string, nodes: Map<string, ProvNode>): string {
  const node = nodes.get(id);
  return `${node?.kind ?? "node"} ${id}${node?.label ? ` (${node.label})` : ""}`;
}

/** The ids of `kind` among `nodes`. */
const idsOf = (nodes: Map<string, ProvNode>, kind: ProvNode["kind"]) =>
  [...nodes.values()].filter((n) => n.kind === kind).map((n) => n.id);

const eventOf = (row: { checkpoint: number | string; txDigest: string; eventIndex: number }) => ({
  checkpoint: Number(row.checkpoint),
  txDigest: row.txDigest,
  eventIndex: Number(row.eventIndex),
});

/** The columns of an event id, as `eventOf` reads them. */
const EVENT_COLUMNS = sql.raw(`checkpoint, tx_digest as "txDigest", event_index as "eventIndex"`);

type EventRow = { checkpoint: number | string; txDigest: string; eventIndex: number };

/** `licenses`: each upstream dataset's license parses, and is allowed. */
async function licensesRule(
  db: Db,
  { nodes }: Upstream,
  allowed: readonly string[] | undefined,
): Promise<AuditRuleResult> {
  const datasetIds = idsOf(nodes, "dataset");
  const rows = datasetIds.length
    ? await selectRows<EventRow & { id: string; license: string }>(
        db,
        sql`select dataset_id as id, license, ${EVENT_COLUMNS} from datasets
            where dataset_id = any(${textArray(datasetIds)})`,
      )
    : [];
  const findings: AuditFinding[] = [];
  for (const row of rows) {
    const why = !isSpdxExpression(row.license)
      ? `its license "${row.license}" is not an SPDX expression`
      : allowed && !satisfies(row.license, allowed)
        ? `its license ${row.license} is not satisfied by the allowed licenses (${allowed.join(", ")})`
        : undefined;
    if (why)
      findings.push({
        node: row.id,
        reason: `${named(row.id, nodes)}: ${why}`,
        event: eventOf(row),
      });
  }
  return result("licenses", rows.length, sortedByNode(findings));
}

/** `consent`: no retraction upstream, and nothing upstream tainted by one. */
async function consentRule(db: Db, { nodes, edges, asOf }: Upstream): Promise<AuditRuleResult> {
  const ids = [...nodes.keys()];
  const recorded = asOf === undefined ? ids.flatMap((id) => nodes.get(id)?.taintedBy ?? []) : [];
  const asked = [...new Set([...ids, ...recorded])];
  const retractions = new Map(
    (
      await selectRows<EventRow & { id: string; reason: string }>(
        db,
        sql`select dataset_id as id, reason, ${EVENT_COLUMNS} from dataset_retractions
            where dataset_id = any(${textArray(asked)})
            ${asOf === undefined ? sql`` : sql`and checkpoint <= ${asOf}`}`,
      )
    ).map((r) => [r.id, r]),
  );
  const retracted: AuditFinding[] = [];
  const tainted: AuditFinding[] = [];
  const taintedBy = taintWithin(ids, edges, retractions);
  for (const id of ids) {
    const retraction = retractions.get(id);
    if (retraction) {
      const reason = `${named(id, nodes)} was retracted: ${retraction.reason}`;
      retracted.push({ node: id, reason, event: eventOf(retraction) });
      continue;
    }
    const by = taintedBy.get(id) ?? (asOf === undefined ? nodes.get(id)?.taintedBy : undefined);
    const source = by === undefined ? undefined : retractions.get(by);
    if (source) {
      const reason = `${named(id, nodes)} comes from retracted dataset ${by}`;
      tainted.push({ node: id, reason, event: eventOf(source) });
    }
  }
  // The retractions first: the taint follows from them.
  return result("consent", ids.length, [...sortedByNode(retracted), ...sortedByNode(tainted)]);
}

/**
 * The nodes among `ids` with a path of `TAINT_EDGE_KINDS` edges (among `edges`, followed
 * src -> dst) to a retracted one, each with the smallest retracted id reaching it.
 */
function taintWithin(
  ids: readonly string[],
  edges: readonly ProvEdge[],
  retractions: Map<string, unknown>,
): Map<string, string> {
  const kinds: readonly string[] = TAINT_EDGE_KINDS;
  const into = new Map<string, string[]>();
  for (const e of edges) {
    if (!kinds.includes(e.kind)) continue;
    const srcs = into.get(e.dst);
    if (srcs) srcs.push(e.src);
    else into.set(e.dst, [e.src]);
  }
  const taintedBy = new Map<string, string>();
  for (const start of ids.filter((id) => retractions.has(id)).sort()) {
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.pop() as string;
      for (const src of into.get(node) ?? []) {
        if (taintedBy.has(src) || retractions.has(src)) continue;
        taintedBy.set(src, start);
        queue.push(src);
      }
    }
  }
  return taintedBy;
}

/** `attestation`: every derivation, use and generation link signed, by an attester in force. */
async function attestationRule(db: Db, { nodes, edges }: Upstream): Promise<AuditRuleResult> {
  const kinds: readonly string[] = SIGNED_EDGE_KINDS;
  const links = edges.filter((e) => kinds.includes(e.kind));
  const findings: AuditFinding[] = links
    .filter((e) => e.signed !== true)
    .map((e) => ({
      edge: { kind: e.kind, src: e.src, dst: e.dst },
      reason: `${e.src} ${e.kind} ${e.dst}: ${
        e.signed === false
          ? "claimed by its submitter, not signed by an attester"
          : "no attestation backs it"
      }`,
      event: e.event,
    }));
  const attestationIds = idsOf(nodes, "attestation");
  const revoked = attestationIds.length
    ? await selectRows<EventRow & { id: string; attesterId: string; signedAt: number | string }>(
        db,
        sql`select a.attestation_id as id, a.attester_id as "attesterId",
                   a.checkpoint as "signedAt", r.checkpoint, r.tx_digest as "txDigest",
                   r.event_index as "eventIndex"
            from attestations a
            join attester_revocations r on r.attester_id = a.attester_id
            where a.attestation_id = any(${textArray(attestationIds)})
              and a.signed and r.checkpoint < a.checkpoint`,
      )
    : [];
  for (const row of revoked)
    findings.push({
      node: row.id,
      reason: `${named(row.id, nodes)} was signed at checkpoint ${row.signedAt} by attester ${row.attesterId}, revoked at checkpoint ${row.checkpoint}`,
      event: eventOf(row),
    });
  return result("attestation", links.length + attestationIds.length, findings);
}

/** `findings` in node id order (code points), so reports compare. */
const sortedByNode = (findings: AuditFinding[]) =>
  findings.sort((a, b) => ((a.node ?? "") < (b.node ?? "") ? -1 : a.node === b.node ? 0 : 1));

/**
 * The audit rules over a subject's upstream graph and its rows: limits, licenses, consent
 * (retractions and taint) and attestation (signed links, attesters in force).
 */
import type { EdgeKind } from "@verity/sdk";
import { sql } from "drizzle-orm";
import satisfies from "spdx-satisfies";
import type { Db } from "../database.ts";
import type { ProvEdge } from "../queries/lineage.ts";
import { selectRows, textArray } from "../raw.ts";
import { TAINT_EDGE_KINDS } from "../taint.ts";
import {
  type AuditFinding,
  type AuditRuleResult,
  EVENT_COLUMNS,
  type EventRow,
  eventOf,
  idsOf,
  named,
  result,
  sortedByNode,
  type Upstream,
} from "./findings.ts";
import { type AuditPolicy, isSpdxExpression } from "./policy.ts";

/** The links the attestation rule wants signed: derivations, uses (training, inputs), outputs. */
export const SIGNED_EDGE_KINDS = [
  "wasDerivedFrom",
  "used",
  "wasGeneratedBy",
] as const satisfies readonly EdgeKind[];

/** `limits`: `beyond` nodes past the depth, or a walk cut at `maxNodes`. */
export function limitsRule(
  beyond: number,
  truncated: boolean,
  policy: AuditPolicy,
): AuditRuleResult {
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

/** `licenses`: each upstream dataset's license parses, and is allowed. */
export async function licensesRule(
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
export async function consentRule(
  db: Db,
  { nodes, edges, asOf }: Upstream,
): Promise<AuditRuleResult> {
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
export async function attestationRule(
  db: Db,
  { nodes, edges }: Upstream,
): Promise<AuditRuleResult> {
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

/**
 * The audit rules over a subject's upstream graph and its rows: limits, licenses, consent
 * (retractions and taint) and attestation (signed links, attesters in force).
 */
import type { EdgeKind } from "@verity/sdk";
import { sql } from "drizzle-orm";
import satisfies from "spdx-satisfies";
import type { Db } from "../database.ts";
import { selectRows, textArray } from "../raw.ts";
import { taintWithin } from "../taint.ts";
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
  // Only datasets are retracted: their ids, and the retractions the recorded taint names.
  const asked = [...new Set([...idsOf(nodes, "dataset"), ...recorded])];
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
 * `attestation`: every derivation, use and generation link signed, by an attester in force (and,
 * with `allowedEnclaves`, an enclave of one of those PCR sets).
 */
export async function attestationRule(
  db: Db,
  { nodes, edges }: Upstream,
  allowedEnclaves?: readonly (readonly string[])[],
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
  if (allowedEnclaves)
    findings.push(...(await outsideEnclaves(db, attestationIds, allowedEnclaves, nodes)));
  return result("attestation", links.length + attestationIds.length, findings);
}

/**
 * The signed attestations among `ids` whose attester is not an enclave with one of the
 * `allowed` PCR sets (PCR0-2, lowercase hex), each a finding at its own event.
 */
async function outsideEnclaves(
  db: Db,
  ids: readonly string[],
  allowed: readonly (readonly string[])[],
  nodes: Upstream["nodes"],
): Promise<AuditFinding[]> {
  if (ids.length === 0) return [];
  const rows = await selectRows<
    EventRow & { id: string; attesterId: string; pcrs: string[] | null }
  >(
    db,
    sql`select a.attestation_id as id, a.attester_id as "attesterId", t.pcrs, a.checkpoint,
               a.tx_digest as "txDigest", a.event_index as "eventIndex"
        from attestations a left join attesters t on t.attester_id = a.attester_id
        where a.attestation_id = any(${textArray(ids)}) and a.signed`,
  );
  const sets = new Set(allowed.map((set) => set.join(",")));
  return rows
    .filter((row) => !sets.has((row.pcrs ?? []).map((p) => p.toLowerCase()).join(",")))
    .map((row) => ({
      node: row.id,
      reason: `${named(row.id, nodes)} was signed by attester ${row.attesterId}, ${
        row.pcrs?.length ? "an enclave whose PCRs are not among the allowed" : "not an enclave"
      }`,
      event: eventOf(row),
    }));
}

/**
 * The audit rules over how upstream data is used and kept: the datasets' terms for AI use
 * against what the activities upstream did with them (`terms`), and the Walrus blobs' storage
 * (`availability`).
 */
import type { AiTermsJson, AttestationKindName } from "@verity/sdk";
import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { selectRows, textArray } from "../raw.ts";
import {
  type AuditFinding,
  type AuditRuleResult,
  type EventRow,
  eventOf,
  idsOf,
  named,
  result,
  sortedByNode,
  type Upstream,
} from "./findings.ts";
import type { AuditPolicy } from "./policy.ts";

/** The term for AI use each kind of activity needs of the datasets it used. */
export const TERMS_OF_KIND: Partial<Record<AttestationKindName, keyof AiTermsJson>> = {
  training: "ai_training",
  fine_tune: "ai_training",
  generative_training: "ai_generative_training",
  generative_fine_tune: "ai_generative_training",
  inference: "ai_inference",
};

/**
 * `terms`: every dataset an upstream training, fine-tune or inference used allows that use in
 * its terms in force (the newest `dataset_terms_changes` row at or before `asOf`, else the
 * dataset's row: terms only tighten, so for a checkpoint before the first change this can be
 * stricter than the registration's terms, which are not kept once changed).
 */
export async function termsRule(
  db: Db,
  { nodes, edges, asOf }: Upstream,
): Promise<AuditRuleResult> {
  const uses = edges.filter((e) => {
    const activity = nodes.get(e.src);
    return (
      e.kind === "used" &&
      activity?.kind === "attestation" &&
      TERMS_OF_KIND[activity.subkind as AttestationKindName] !== undefined &&
      nodes.get(e.dst)?.kind === "dataset"
    );
  });
  const datasetIds = [...new Set(uses.map((e) => e.dst))];
  const rows = datasetIds.length
    ? await selectRows<EventRow & { id: string; terms: AiTermsJson | string }>(
        db,
        sql`select d.dataset_id as id, coalesce(c.terms, d.terms) as terms,
                   coalesce(c.checkpoint, d.checkpoint) as checkpoint,
                   coalesce(c.tx_digest, d.tx_digest) as "txDigest",
                   coalesce(c.event_index, d.event_index) as "eventIndex"
            from datasets d
            left join lateral (
              select terms, checkpoint, tx_digest, event_index from dataset_terms_changes c
              where c.dataset_id = d.dataset_id
                ${asOf === undefined ? sql`` : sql`and c.checkpoint <= ${asOf}`}
              order by checkpoint desc, event_index desc limit 1
            ) c on true
            where d.dataset_id = any(${textArray(datasetIds)})`,
      )
    : [];
  const termsOf = new Map(rows.map((r) => [r.id, r]));
  const findings: AuditFinding[] = [];
  for (const use of uses) {
    const kind = nodes.get(use.src)?.subkind as AttestationKindName;
    const term = TERMS_OF_KIND[kind] as keyof AiTermsJson;
    const row = termsOf.get(use.dst);
    const terms = typeof row?.terms === "string" ? JSON.parse(row.terms) : row?.terms;
    if (!row || terms?.[term]?.use !== "notAllowed") continue;
    findings.push({
      node: use.src,
      edge: { kind: use.kind, src: use.src, dst: use.dst },
      reason: `${named(use.src, nodes)} (${kind}, checkpoint ${use.event.checkpoint}) used ${named(use.dst, nodes)}, whose terms for AI use do not allow ${term}`,
      event: eventOf(row),
    });
  }
  return result("terms", uses.length, sortedByNode(findings));
}

/** One Walrus `Blob` object of a blob, as its events up to the audit's checkpoint left it. */
interface BlobObjectState extends EventRow {
  id: string;
  certified: boolean;
  deleted: boolean;
  endEpoch: number | null;
}

/**
 * `availability`: every upstream Walrus blob has a `Blob` object certified, not deleted, and
 * stored until at least `minEndEpoch`, and `epochsAhead` epochs past the newest Walrus epoch
 * indexed (each as of `asOf`: its events at or before it). A blob with no Walrus event indexed
 * fails: nothing shows it is stored.
 */
export async function availabilityRule(
  db: Db,
  { nodes, asOf }: Upstream,
  { minEndEpoch, epochsAhead }: NonNullable<AuditPolicy["availability"]>,
): Promise<AuditRuleResult> {
  const blobIds = idsOf(nodes, "blob");
  const upTo = asOf === undefined ? sql`` : sql`and checkpoint <= ${asOf}`;
  const [newest] = await selectRows<{ epoch: number | null }>(
    db,
    sql`select max(epoch) as epoch from walrus_blob_events where true ${upTo}`,
  );
  const required = Math.max(
    minEndEpoch ?? 0,
    epochsAhead === undefined ? 0 : Number(newest?.epoch ?? 0) + epochsAhead,
  );
  // Each object's state, its latest event last (the event a finding names).
  const objects = blobIds.length
    ? await selectRows<BlobObjectState>(
        db,
        sql`select blob_id as id, bool_or(kind = 'certified') as certified,
                   bool_or(kind = 'deleted') as deleted, max(end_epoch) as "endEpoch",
                   (array_agg(checkpoint order by checkpoint desc, event_index desc))[1]
                     as checkpoint,
                   (array_agg(tx_digest order by checkpoint desc, event_index desc))[1]
                     as "txDigest",
                   (array_agg(event_index order by checkpoint desc, event_index desc))[1]
                     as "eventIndex"
            from walrus_blob_events
            where blob_id = any(${textArray(blobIds)}) and object_id is not null ${upTo}
            group by blob_id, object_id`,
      )
    : [];
  const byBlob = new Map<string, BlobObjectState[]>();
  for (const o of objects) byBlob.set(o.id, [...(byBlob.get(o.id) ?? []), o]);
  const stored = (o: BlobObjectState) =>
    o.certified && !o.deleted && Number(o.endEpoch) >= required;
  const findings: AuditFinding[] = [];
  for (const id of blobIds) {
    const states = byBlob.get(id) ?? [];
    if (states.some(stored)) continue;
    const best = states.sort((a, b) => Number(b.endEpoch) - Number(a.endEpoch))[0];
    const why = !best
      ? "no Walrus event of it is indexed: nothing shows it is stored"
      : best.deleted
        ? "its Blob object was deleted"
        : !best.certified
          ? "registered, never certified"
          : `stored until epoch ${best.endEpoch} (exclusive), short of epoch ${required}`;
    findings.push({
      node: id,
      reason: `${named(id, nodes)}: ${why}`,
      event: best ? eventOf(best) : null,
    });
  }
  return result("availability", blobIds.length, sortedByNode(findings));
}

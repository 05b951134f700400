/** Search across entities by name or by id prefix. */
import type { NodeKind } from "@verity/sdk";
import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";

/** One search hit. */
export interface SearchResult {
  /** `dataset` | `model` | `attestation` | `inference` | `policy` | `attester` | `blob` */
  kind: NodeKind;
  /** object id, or the blob id for a blob */
  id: string;
  /** its name, when it has one */
  name: string | null;
  /** the Walrus blob it is stored as (datasets, models) */
  blobId: string | null;
}

/** Most results a search returns. */
export const MAX_SEARCH_RESULTS = 50;

/** `%` and `_` escaped for LIKE (with the default `\` escape). */
const likeEscape = (s: string) => s.replaceAll(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Datasets, models, policies and attesters whose name contains `q` (case-insensitive; names
 * that start with it first), and anything whose object id starts with `q` (hex, case-
 * insensitive) or whose Walrus blob id starts with `q` (exact case). One statement; at most
 * `limit` (1..MAX_SEARCH_RESULTS) results, by rank, then name, kind and id.
 *
 * @throws RangeError for an empty `q` or a limit out of range
 */
export async function search(db: Db, q: string, limit = 20): Promise<SearchResult[]> {
  if (q.length === 0) throw new RangeError("q must not be empty");
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_RESULTS) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_SEARCH_RESULTS}`);
  }
  const contains = `%${likeEscape(q)}%`;
  const starts = `${likeEscape(q)}%`;
  const idPrefix = /^0x[0-9a-f]+$/i.test(q) ? `${q.toLowerCase()}%` : null;
  const blobPrefix = /^[A-Za-z0-9_-]+$/.test(q) ? starts : null;
  const result = await db.execute(sql`
    with hits(kind, id, name, blob_id) as (
      select 'dataset', dataset_id, name, blob_id from datasets
      where name ilike ${contains} or dataset_id like ${idPrefix} or blob_id like ${blobPrefix}
      union all
      select 'model', model_id, name, blob_id from models
      where name ilike ${contains} or model_id like ${idPrefix} or blob_id like ${blobPrefix}
      union all
      select 'policy', policy_id, name, null from policies
      where name ilike ${contains} or policy_id like ${idPrefix}
      union all
      select 'attester', attester_id, name, null from attesters
      where name ilike ${contains} or attester_id like ${idPrefix}
      union all
      select 'attestation', attestation_id, null, null from attestations
      where attestation_id like ${idPrefix}
      union all
      select 'inference', inference_id, null, null from inferences
      where inference_id like ${idPrefix}
      union all
      select distinct 'blob', blob_id, null::text, blob_id from walrus_blob_events
      where blob_id like ${blobPrefix}
    )
    select kind, id, name, blob_id as "blobId" from hits
    order by (name ilike ${starts}) is not true, name nulls last, kind, id
    limit ${limit}
  `);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as SearchResult[];
}

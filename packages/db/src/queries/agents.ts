/** An agent (an address): what it created or submitted. */
import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import {
  type Attestation,
  type Inference,
  listAttestations,
  listInferences,
} from "./activities.ts";
import { type Dataset, listDatasets, listModels, type Model } from "./entities.ts";

/** How many of each thing an address created, submitted or administers. */
export interface AgentCounts {
  datasets: number;
  models: number;
  /** attestations it submitted */
  attestations: number;
  /** inferences it submitted */
  inferences: number;
  policies: number;
  /** attesters it administers */
  attesters: number;
}

/** An address's counts and its latest items of each kind (newest first). */
export interface Agent {
  address: string;
  counts: AgentCounts;
  latest: {
    datasets: Dataset[];
    models: Model[];
    attestations: Attestation[];
    inferences: Inference[];
  };
}

/**
 * What `address` (0x + 64 hex) created or submitted: counts (one statement) and the `latest`
 * (1..100) newest datasets, models, attestations and inferences; undefined when it has none
 * of anything.
 */
export async function getAgent(db: Db, address: string, latest = 5): Promise<Agent | undefined> {
  const [counts] = await db
    .execute(sql`
    select
      (select count(*) from datasets where creator = ${address})::int as datasets,
      (select count(*) from models where creator = ${address})::int as models,
      (select count(*) from attestations where submitter = ${address})::int as attestations,
      (select count(*) from inferences where submitter = ${address})::int as inferences,
      (select count(*) from policies where creator = ${address})::int as policies,
      (select count(*) from attesters where admin = ${address})::int as attesters
  `)
    .then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as AgentCounts[]);
  if (!counts || Object.values(counts).every((n) => Number(n) === 0)) return undefined;
  const page = { limit: latest };
  const [datasets, models, attestations, inferences] = await Promise.all([
    listDatasets(db, { creator: address }, page),
    listModels(db, { creator: address }, page),
    listAttestations(db, { submitter: address }, page),
    listInferences(db, { submitter: address }, page),
  ]);
  return {
    address,
    counts,
    latest: {
      datasets: datasets.items,
      models: models.items,
      attestations: attestations.items,
      inferences: inferences.items,
    },
  };
}

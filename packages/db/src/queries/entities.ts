/**
 * Datasets and models, one by id or a page at a time, as the API serves them. Each is one SQL
 * statement; u64 values (`size`) come back as exact decimal strings, times as ms numbers.
 */
import { eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { preparedPer } from "../once-per.ts";
import { datasetRetractions, datasets, datasetTermsChanges, models } from "../schema/provenance.ts";
import type { AiTerms, UsageConstraint } from "../schema/terms.ts";
import { decimal, type EntityEvent, eventIdOf, inRange, type TimeRange } from "./event-id.ts";
import { eqIf, type Page, type PageOptions, pageRows, toPage } from "./page.ts";

/** A registered dataset with its current state. */
export interface Dataset {
  id: string;
  network: string;
  name: string;
  creator: string;
  /** Walrus blob id, URL-safe base64 */
  blobId: string;
  /** hex */
  sha256: string;
  /** bytes, decimal */
  size: string;
  mediaType: string;
  license: string;
  /** terms for AI use in force: the latest `DatasetTermsSet`'s, else those at registration */
  terms: AiTerms;
  /** the Seal policy in force: the latest `DatasetPolicySet`, else the one at registration */
  policyId: string | null;
  parents: string[];
  transformId: string | null;
  /** whether the transform attestation was signed by an attester (false: self-recorded, or none) */
  lineageSigned: boolean;
  previousId: string | null;
  revision: number;
  /** ms */
  timestampMs: number;
  retracted: boolean;
  /** the retraction, null while the dataset stands */
  retraction: { reason: string; timestampMs: number; event: EntityEvent } | null;
  event: EntityEvent;
}

/** One `DatasetTermsSet`: terms the creator tightened a dataset's to. */
export interface DatasetTermsChange {
  terms: AiTerms;
  creator: string;
  /** ms */
  timestampMs: number;
  event: EntityEvent;
}

/**
 * A dataset, the version that replaced it (`previousId` = this one), if any, and every
 * tightening of its terms, oldest first (the last one's terms are `terms`).
 */
export interface DatasetDetail extends Dataset {
  nextId: string | null;
  termsChanges: DatasetTermsChange[];
}

/** Filters of `listDatasets`. */
export interface DatasetFilter extends TimeRange {
  creator?: string;
  license?: string;
  retracted?: boolean;
}

const currentPolicy = sql<string | null>`(coalesce(
  (select array[pc.policy_id] from dataset_policy_changes pc
   where pc.dataset_id = datasets.dataset_id
   order by pc.checkpoint desc, pc.event_index desc limit 1),
  array[datasets.policy_id]))[1]`;

const datasetColumns = {
  id: datasets.datasetId,
  network: datasets.network,
  name: datasets.name,
  creator: datasets.creator,
  blobId: datasets.blobId,
  sha256: datasets.sha256,
  size: decimal(datasets.size),
  mediaType: datasets.mediaType,
  license: datasets.license,
  terms: datasets.terms,
  policyId: currentPolicy,
  parents: datasets.parents,
  transformId: datasets.transformId,
  lineageSigned: datasets.lineageSigned,
  previousId: datasets.previousId,
  revision: datasets.revision,
  timestampMs: datasets.timestampMs,
  retractedBy: datasetRetractions.datasetId,
  retraction: {
    reason: datasetRetractions.reason,
    timestampMs: datasetRetractions.timestampMs,
    checkpoint: datasetRetractions.checkpoint,
    txDigest: datasetRetractions.txDigest,
    eventIndex: datasetRetractions.eventIndex,
  },
  event: eventIdOf(datasets, datasets.datasetId),
};

type DatasetRow = {
  retractedBy: string | null;
  retraction: {
    reason: string | null;
    timestampMs: number | null;
    checkpoint: number | null;
    txDigest: string | null;
    eventIndex: number | null;
  } | null;
};

function toDataset<R extends DatasetRow>({ retractedBy, retraction, ...row }: R) {
  return {
    ...row,
    retracted: retractedBy !== null,
    retraction:
      retractedBy === null || retraction === null
        ? null
        : {
            reason: retraction.reason!,
            timestampMs: retraction.timestampMs!,
            event: {
              checkpoint: retraction.checkpoint!,
              txDigest: retraction.txDigest!,
              eventIndex: retraction.eventIndex!,
              objectId: retractedBy,
            },
          },
  };
}

const datasetById = preparedPer((db) =>
  db
    .select({
      ...datasetColumns,
      nextId: sql<string | null>`(select n.dataset_id from datasets n
        where n.previous_id = datasets.dataset_id
        order by n.timestamp_ms, n.dataset_id limit 1)`,
    })
    .from(datasets)
    .leftJoin(datasetRetractions, eq(datasetRetractions.datasetId, datasets.datasetId))
    .where(eq(datasets.datasetId, sql.placeholder("id")))
    .prepare("dataset_by_id"),
);

const termsChangesById = preparedPer((db) =>
  db
    .select({
      terms: datasetTermsChanges.terms,
      creator: datasetTermsChanges.creator,
      timestampMs: datasetTermsChanges.timestampMs,
      event: eventIdOf(datasetTermsChanges, datasetTermsChanges.datasetId),
    })
    .from(datasetTermsChanges)
    .where(eq(datasetTermsChanges.datasetId, sql.placeholder("id")))
    .orderBy(
      datasetTermsChanges.checkpoint,
      sql`${datasetTermsChanges.txDigest} collate "C"`,
      datasetTermsChanges.eventIndex,
    )
    .prepare("dataset_terms_changes_by_id"),
);

/**
 * The dataset `id` (0x + 64 hex) with its terms changes, or undefined when none is registered
 * under it.
 */
export async function getDataset(db: Db, id: string): Promise<DatasetDetail | undefined> {
  const [[row], termsChanges] = await Promise.all([
    datasetById(db).execute({ id }),
    termsChangesById(db).execute({ id }),
  ]);
  return row && { ...toDataset(row), termsChanges };
}

/**
 * The current terms of each dataset among `ids` (0x + 64 hex each), in one statement: for the
 * exports of a lineage. Ids with no dataset are absent from the map.
 */
export async function datasetTerms(db: Db, ids: readonly string[]): Promise<Map<string, AiTerms>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: datasets.datasetId, terms: datasets.terms })
    .from(datasets)
    .where(inArray(datasets.datasetId, [...ids]));
  return new Map(rows.map((row) => [row.id, row.terms]));
}

/**
 * Datasets matching `filter`, newest first (by `timestampMs`, then id).
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listDatasets(
  db: Db,
  filter: DatasetFilter,
  options: PageOptions,
): Promise<Page<Dataset>> {
  const rows = await pageRows(
    db
      .select(datasetColumns)
      .from(datasets)
      .leftJoin(datasetRetractions, eq(datasetRetractions.datasetId, datasets.datasetId))
      .$dynamic(),
    { time: datasets.timestampMs, id: datasets.datasetId },
    [
      eqIf(datasets.creator, filter.creator),
      eqIf(datasets.license, filter.license),
      filter.retracted === undefined
        ? undefined
        : filter.retracted
          ? isNotNull(datasetRetractions.datasetId)
          : isNull(datasetRetractions.datasetId),
      ...inRange(datasets.timestampMs, filter),
    ],
    options,
  );
  return toPage(rows.map(toDataset), options.limit);
}

/** A registered model. */
export interface Model {
  id: string;
  network: string;
  name: string;
  creator: string;
  /** Walrus blob id of the weights, URL-safe base64 */
  blobId: string;
  sha256: string;
  /** bytes, decimal */
  size: string;
  architecture: string;
  framework: string;
  /** whether it generates content (its datasets' `ai_generative_training` terms applied) */
  generative: boolean;
  baseModelId: string | null;
  /** the training (or fine-tune) attestation */
  trainingId: string;
  /** whether that attestation was signed by an attester (false: self-recorded) */
  lineageSigned: boolean;
  /** the datasets it was trained on */
  datasets: string[];
  /** the constraints its datasets' terms put on its use, one entry per constraining dataset */
  constraints: UsageConstraint[];
  /** ms */
  timestampMs: number;
  event: EntityEvent;
}

/** Filters of `listModels`. */
export interface ModelFilter extends TimeRange {
  creator?: string;
  framework?: string;
  /** models trained on this dataset */
  dataset?: string;
}

const modelColumns = {
  id: models.modelId,
  network: models.network,
  name: models.name,
  creator: models.creator,
  blobId: models.blobId,
  sha256: models.sha256,
  size: decimal(models.size),
  architecture: models.architecture,
  framework: models.framework,
  generative: models.generative,
  baseModelId: models.baseModelId,
  trainingId: models.trainingId,
  lineageSigned: models.lineageSigned,
  datasets: models.datasets,
  constraints: models.constraints,
  timestampMs: models.timestampMs,
  event: eventIdOf(models, models.modelId),
};

const modelById = preparedPer((db) =>
  db
    .select(modelColumns)
    .from(models)
    .where(eq(models.modelId, sql.placeholder("id")))
    .prepare("model_by_id"),
);

/** The model `id`, or undefined when none is registered under it. */
export async function getModel(db: Db, id: string): Promise<Model | undefined> {
  const [row] = await modelById(db).execute({ id });
  return row;
}

/**
 * Models matching `filter`, newest first.
 *
 * @throws RangeError for a limit outside 1..MAX_PAGE_LIMIT
 */
export async function listModels(
  db: Db,
  filter: ModelFilter,
  options: PageOptions,
): Promise<Page<Model>> {
  const rows = await pageRows(
    db.select(modelColumns).from(models).$dynamic(),
    { time: models.timestampMs, id: models.modelId },
    [
      eqIf(models.creator, filter.creator),
      eqIf(models.framework, filter.framework),
      filter.dataset === undefined ? undefined : sql`${filter.dataset} = any(${models.datasets})`,
      ...inRange(models.timestampMs, filter),
    ],
    options,
  );
  return toPage(rows, options.limit);
}

/** Datasets and models stored as the Walrus blob `blobId`, oldest first. */
export async function entitiesOfBlob(
  db: Db,
  blobId: string,
): Promise<{ datasets: Dataset[]; models: Model[] }> {
  const [ds, ms] = await Promise.all([
    db
      .select(datasetColumns)
      .from(datasets)
      .leftJoin(datasetRetractions, eq(datasetRetractions.datasetId, datasets.datasetId))
      .where(eq(datasets.blobId, blobId))
      .orderBy(datasets.timestampMs, datasets.datasetId),
    db
      .select(modelColumns)
      .from(models)
      .where(eq(models.blobId, blobId))
      .orderBy(models.timestampMs, models.modelId),
  ]);
  return { datasets: ds.map(toDataset), models: ms };
}

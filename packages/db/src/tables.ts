/**
 * The append-only tables, and the row shapes the write path takes. Row types are derived from
 * the schema objects (`$inferInsert`), so they follow the schema.
 */
import {
  attestations,
  attesterKeys,
  attesterRevocations,
  attesters,
  checkpointProofs,
  datasetPolicyChanges,
  datasetRetractions,
  datasets,
  datasetTermsChanges,
  edges,
  enclaveConfigRetirements,
  enclaveConfigs,
  feeWithdrawals,
  inferences,
  models,
  policies,
  policyMemberChanges,
  type quarantine,
  subscriptions,
  transactionProofs,
  walrusBlobEvents,
} from "./schema/index.ts";

/**
 * Every append-only table of the schema (all but `watermarks`, which is upserted, `quarantine`,
 * which takes its rows apart, and `nodes`, `walrus_blob_objects` and `tainted`, which the write
 * path derives from them), by export name, in the order the write path inserts them. Each is
 * keyed so that inserting the same row twice inserts it once. (`datasets.terms` alone is kept
 * current by the write path after the inserts: `recordDatasetTerms`.)
 */
export const appendOnlyTables = {
  checkpointProofs,
  transactionProofs,
  datasets,
  datasetRetractions,
  datasetPolicyChanges,
  datasetTermsChanges,
  models,
  attestations,
  inferences,
  enclaveConfigs,
  enclaveConfigRetirements,
  attesters,
  attesterKeys,
  attesterRevocations,
  policies,
  policyMemberChanges,
  subscriptions,
  feeWithdrawals,
  edges,
  walrusBlobEvents,
} as const;

/** The tables of `appendOnlyTables`, by export name. */
export type AppendOnlyTables = typeof appendOnlyTables;

/** The name of an append-only table: `datasets`, `edges`, `walrusBlobEvents`, ... */
export type TableName = keyof AppendOnlyTables;

/** A row to insert into table `T` (drizzle's `$inferInsert`: columns by property name). */
export type InsertRow<T extends TableName> = AppendOnlyTables[T]["$inferInsert"];

/** Rows to insert, by table; a missing or empty entry inserts nothing into that table. */
export type Rows = { [T in TableName]?: InsertRow<T>[] };

/**
 * An event a pipeline could not turn into rows: a `quarantine` row without its `pipeline`,
 * which the write path fills in.
 */
export type QuarantineRow = Omit<typeof quarantine.$inferInsert, "pipeline">;

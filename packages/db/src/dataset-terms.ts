/**
 * A dataset's current terms for AI use, kept at write time: after a batch's rows are inserted,
 * each dataset whose terms the batch tightens (`DatasetTermsSet`, a `dataset_terms_changes`
 * row) gets the newest of them in `datasets.terms`, in the same transaction (so with the same
 * watermark). Reads then serve the terms from the dataset's row.
 */
import { sql } from "drizzle-orm";
import type { Db, Tx } from "./database.ts";
import { affectedRows } from "./insert.ts";
import { textArray } from "./raw.ts";
import type { InsertRow } from "./tables.ts";

/**
 * Sets `datasets.terms` of every dataset that `changes` (a batch's `dataset_terms_changes`
 * rows, already inserted in `tx`, in chain order: by checkpoint, and within one as the chain
 * emitted them, which is how the processor gives them) name to its newest change: the last of
 * the batch, unless the table holds one of a later checkpoint (a batch committed again after
 * later ones). The batch's own `datasets` rows are inserted first, so a dataset registered and
 * tightened in one batch ends with the tightened terms. Committing a batch again changes
 * nothing.
 *
 * Batches of a pipeline commit in chain order: a change committed before the registration of
 * its dataset (which the chain cannot emit) is not applied to it.
 *
 * @returns how many datasets were updated
 * @throws the driver's error when the statement fails (the caller's transaction is then void)
 */
export async function recordDatasetTerms(
  tx: Db | Tx,
  changes: readonly InsertRow<"datasetTermsChanges">[],
): Promise<number> {
  const newest = new Map<string, InsertRow<"datasetTermsChanges">>();
  for (const change of changes) newest.set(change.datasetId, change);
  if (newest.size === 0) return 0;
  // In id order, so concurrent commits lock shared rows in the same order.
  const rows = [...newest.values()].sort((a, b) =>
    a.datasetId < b.datasetId ? -1 : a.datasetId > b.datasetId ? 1 : 0,
  );
  return affectedRows(
    await tx.execute(sql`
      update datasets d set terms = b.terms::jsonb
      from unnest(${textArray(rows.map((r) => r.datasetId))},
                  ${textArray(rows.map((r) => JSON.stringify(r.terms)))},
                  ${textArray(rows.map((r) => String(r.checkpoint)))}::bigint[])
        as b(id, terms, checkpoint)
      where d.dataset_id = b.id
        and d.terms is distinct from b.terms::jsonb
        and not exists (select from dataset_terms_changes c
                        where c.dataset_id = b.id and c.checkpoint > b.checkpoint)
    `),
  );
}

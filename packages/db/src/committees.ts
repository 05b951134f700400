/**
 * The committee chain the indexer established (the `committees` table): written as each
 * committee is established, read when a run reaches an epoch, so a restart verifies on from the
 * chain instead of from its trust anchor.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "./database.ts";
import { committees } from "./schema/index.ts";

/** A `committees` row: one network's committee of one epoch, and what established it. */
export type CommitteeRow = Omit<typeof committees.$inferSelect, "recordedAt">;

/**
 * The committee of `epoch` on `network` (`committee` as BCS `CommitteeBcs`, `establishedBy`
 * the checkpoint whose end-of-epoch data named it, null for a pinned trust anchor), or undefined
 * when none is stored.
 */
export async function readCommittee(
  db: Db,
  network: string,
  epoch: number,
): Promise<CommitteeRow | undefined> {
  const [row] = await db
    .select({
      network: committees.network,
      epoch: committees.epoch,
      committee: committees.committee,
      establishedBy: committees.establishedBy,
    })
    .from(committees)
    .where(and(eq(committees.network, network), eq(committees.epoch, epoch)));
  return row;
}

/**
 * Stores `row` unless the network's committee of that epoch is already stored (the first one
 * stays: a verified chain names one committee per epoch). Returns whether it was stored.
 */
export async function recordCommittee(db: Db, row: CommitteeRow): Promise<boolean> {
  const inserted = await db
    .insert(committees)
    .values(row)
    .onConflictDoNothing()
    .returning({ epoch: committees.epoch });
  return inserted.length > 0;
}

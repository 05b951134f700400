/**
 * The proof parts the indexer kept for transactions (`checkpoint_proofs`, `transaction_proofs`):
 * with an event index, a proof bundle (`@verity/checkpoints`' `ProofBundle`).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../database.ts";
import { checkpointProofs, transactionProofs } from "../schema/proofs.ts";

/** A transaction's proof parts and those of its checkpoint, BCS as bytes. */
export interface ProofParts {
  network: string;
  /** base58 transaction digest */
  txDigest: string;
  /** checkpoint sequence number */
  checkpoint: number;
  /** Sui epoch of the checkpoint */
  epoch: number;
  /** BCS `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>` */
  certifiedSummary: Uint8Array;
  /** BCS `CheckpointContents` */
  contents: Uint8Array;
  /** BCS `TransactionEffects` */
  effects: Uint8Array;
  /** BCS `TransactionEvents` */
  events: Uint8Array;
}

/**
 * The proof parts of each of `txDigests` that the indexer kept (those of transactions whose
 * events it indexed), by transaction digest, in one query; on `network` only, when given (else
 * the first network found for a digest).
 */
export async function proofParts(
  db: Db,
  txDigests: readonly string[],
  network?: string,
): Promise<Map<string, ProofParts>> {
  const found = new Map<string, ProofParts>();
  if (txDigests.length === 0) return found;
  const rows = await db
    .select({
      network: transactionProofs.network,
      txDigest: transactionProofs.txDigest,
      checkpoint: transactionProofs.checkpoint,
      epoch: checkpointProofs.epoch,
      certifiedSummary: checkpointProofs.certifiedSummary,
      contents: checkpointProofs.contents,
      effects: transactionProofs.effects,
      events: transactionProofs.events,
    })
    .from(transactionProofs)
    .innerJoin(
      checkpointProofs,
      and(
        eq(checkpointProofs.network, transactionProofs.network),
        eq(checkpointProofs.checkpoint, transactionProofs.checkpoint),
      ),
    )
    .where(
      and(
        inArray(transactionProofs.txDigest, [...new Set(txDigests)]),
        network === undefined ? undefined : eq(transactionProofs.network, network),
      ),
    );
  for (const row of rows) if (!found.has(row.txDigest)) found.set(row.txDigest, row);
  return found;
}

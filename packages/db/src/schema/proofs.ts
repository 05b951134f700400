/**
 * Proof parts: the BCS a proof bundle needs (see `@verity/checkpoints`' `ProofBundle`), kept by
 * the indexer for the checkpoints and transactions that hold indexed events only, not whole
 * checkpoints. A bundle is one `checkpoint_proofs` row and one `transaction_proofs` row.
 */
import { bigint, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { bytes } from "./columns.ts";

/** A checkpoint holding indexed events: its certified summary and its contents. */
export const checkpointProofs = pgTable(
  "checkpoint_proofs",
  {
    /** which network's chain: mainnet, testnet, ... */
    network: text("network").notNull(),
    /** checkpoint sequence number */
    checkpoint: bigint("checkpoint", { mode: "number" }).notNull(),
    /** Sui epoch of the checkpoint (its committee signed it) */
    epoch: bigint("epoch", { mode: "number" }).notNull(),
    /** BCS `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>` */
    certifiedSummary: bytes("certified_summary").notNull(),
    /** BCS `CheckpointContents` */
    contents: bytes("contents").notNull(),
  },
  (t) => [primaryKey({ columns: [t.network, t.checkpoint] })],
);

/** A transaction that emitted indexed events: its effects and events. */
export const transactionProofs = pgTable(
  "transaction_proofs",
  {
    network: text("network").notNull(),
    /** base58 transaction digest */
    txDigest: text("tx_digest").notNull(),
    /** the checkpoint holding it (a `checkpoint_proofs` row) */
    checkpoint: bigint("checkpoint", { mode: "number" }).notNull(),
    /** BCS `TransactionEffects` */
    effects: bytes("effects").notNull(),
    /** BCS `TransactionEvents` */
    events: bytes("events").notNull(),
  },
  (t) => [primaryKey({ columns: [t.network, t.txDigest] })],
);

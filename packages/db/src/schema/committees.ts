/**
 * The committee chain the indexer has established (`verity index --verify-certificates`), kept
 * so that a restart verifies from where the chain got to instead of from its trust anchor again.
 */

import { sql } from "drizzle-orm";
import { bigint, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { bytes } from "./columns.ts";

/**
 * The validators of one epoch of one network, whose quorum certifies that epoch's checkpoints.
 * Either a trust anchor the operator pinned (`--committee`), or named by the end-of-epoch data
 * of the previous epoch's last checkpoint once that checkpoint's certificate was verified
 * against the previous committee.
 */
export const committees = pgTable(
  "committees",
  {
    /** which network's chain: mainnet, testnet, ... (or a full-node URL) */
    network: text("network").notNull(),
    /** Sui epoch the committee certifies */
    epoch: bigint("epoch", { mode: "number" }).notNull(),
    /**
     * the committee as a committee file: BCS `{ epoch: u64, members: vector<{ public_key:
     * vector<u8> (96-byte BLS12-381 G2), stake: u64 }> }` (`@verity/checkpoints`' `CommitteeBcs`)
     */
    committee: bytes("committee").notNull(),
    /**
     * the checkpoint whose end-of-epoch data named it (the last of epoch `epoch - 1`, verified
     * first); null for a trust anchor the operator pinned
     */
    establishedBy: bigint("established_by", { mode: "number" }),
    /** when it was stored */
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.network, t.epoch] })],
);

import { bigint, integer, text } from "drizzle-orm/pg-core";

/**
 * The proof handle every row carries: where on chain the fact it records was emitted. A row
 * without one does not exist (DESIGN.md). `checkpoint` is the checkpoint sequence number,
 * `tx_digest` the base58 transaction digest, `event_index` the event's position among its
 * transaction's events.
 */
export const proof = () => ({
  checkpoint: bigint("checkpoint", { mode: "number" }).notNull(),
  txDigest: text("tx_digest").notNull(),
  eventIndex: integer("event_index").notNull(),
});

/** An object id or address: 0x + 64 lowercase hex digits. */
export const objectId = (name: string) => text(name);

/** A Walrus blob id as Walrus writes it: URL-safe base64 (no padding) of the little-endian u256. */
export const blobId = (name: string) => text(name);

/** A u64 that may exceed 2^53 (fees in MIST, sizes, far-future times): exact, as bigint. */
export const u64 = (name: string) => bigint(name, { mode: "bigint" });

/** Milliseconds since the Unix epoch (chain clock or signed time; below 2^53). */
export const timeMs = (name: string) => bigint(name, { mode: "number" });

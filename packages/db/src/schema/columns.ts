import { sql } from "drizzle-orm";
import { bigint, customType, integer, numeric, text } from "drizzle-orm/pg-core";

/**
 * The event id every row carries: where on chain the fact it records was emitted. A row
 * without one does not exist (DESIGN.md). `checkpoint` is the checkpoint sequence number,
 * `tx_digest` the base58 transaction digest, `event_index` the event's position among its
 * transaction's events.
 */
export const eventId = () => ({
  checkpoint: bigint("checkpoint", { mode: "number" }).notNull(),
  txDigest: text("tx_digest").notNull(),
  eventIndex: integer("event_index").notNull(),
});

/** A row's event id (the `eventId()` columns): where on chain the fact it records was emitted. */
export interface EventId {
  /** checkpoint sequence number */
  checkpoint: number;
  /** base58 transaction digest */
  txDigest: string;
  /** the event's position among its transaction's events */
  eventIndex: number;
}

/** An object id or address: 0x + 64 lowercase hex digits. */
export const objectId = (name: string) => text(name);

/** A Walrus blob id as Walrus writes it: URL-safe base64 (no padding) of the little-endian u256. */
export const blobId = (name: string) => text(name);

/**
 * A Move `u64` that may exceed 2^53 (fees in MIST, sizes, far-future times): exact, as bigint.
 * Stored as `numeric(20, 0)`, not `bigint`: PostgreSQL's `bigint` is signed and stops at
 * 2^63 - 1, while a u64 goes to 2^64 - 1 (10 billion SUI alone is 10^19 MIST), and a value the
 * column cannot hold would fail its whole checkpoint's commit.
 */
export const u64 = (name: string) => numeric(name, { mode: "bigint", precision: 20, scale: 0 });

/** Milliseconds since the Unix epoch (chain clock or signed time; below 2^53). */
export const timeMs = (name: string) => bigint(name, { mode: "number" });

/**
 * Raw bytes (`bytea`), read back as a plain `Uint8Array` from either driver (postgres.js
 * returns a `Buffer`, PGlite a `Uint8Array`; both are normalized so rows compare equal).
 */
export const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) =>
    value.constructor === Uint8Array
      ? value
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * The transaction that last wrote the row: PostgreSQL's 64-bit transaction id (`xid8`, set by
 * the default `pg_current_xact_id()` on insert, and by every statement that updates the row), as
 * a decimal string. A reader that follows a table by snapshots (`LiveGraph`) finds the rows
 * written since its last read with it:
 * `xact_id >= pg_snapshot_xmin(last) and not pg_visible_in_snapshot(xact_id, last)`.
 */
export const writtenBy = (name: string) =>
  customType<{ data: string }>({ dataType: () => "xid8" })(name)
    .notNull()
    .default(sql`pg_current_xact_id()`);

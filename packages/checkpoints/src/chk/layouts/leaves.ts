/**
 * The two families of checkpoint layouts differ only in their leaves: how an address (or object
 * id) and a 32-byte digest decode. The full family prints them (0x + 64 hex, base58), as
 * `@mysten/sui` does; the raw family keeps them as views into the input, so decoding a
 * checkpoint costs no per-byte work for the many ids and digests the indexer never reads.
 * Each family also says how to turn its leaves into text and bytes, for the few values read.
 */
import { bcs, fromBase58, toBase58 } from "@mysten/bcs";
import { bcs as sui } from "@mysten/sui/bcs";
import type { AnyLayout } from "./support.ts";

/** The leaf layouts a family of checkpoint layouts is built from. */
export interface Leaves {
  /** An address or object id (32 bytes). */
  Address: AnyLayout;
  /** A 32-byte digest, as Sui encodes it: a byte vector (length 32, then the bytes). */
  Digest: AnyLayout;
}

/** How a family's decoded addresses (`A`) and digests (`D`) read as text and bytes. */
export interface LeafText<A, D> {
  /** 0x + 64 lowercase hex digits. */
  addressText(address: A): string;
  /** Base58, as Sui prints digests. */
  digestText(digest: D): string;
  /** The digest's 32 bytes. */
  digestBytes(digest: D): Uint8Array;
}

/** Leaves of the full family: addresses as 0x + 64 hex, digests as base58. */
export const fullLeaves = {
  Address: sui.Address,
  Digest: sui.ObjectDigest,
  addressText: (address: string) => address,
  digestText: (digest: string) => digest,
  digestBytes: fromBase58,
} satisfies Leaves & LeafText<string, string>;

/** Leaves of the raw family: addresses and digests as views into the decoded bytes. */
export const rawLeaves = {
  Address: bcs.bytes(32),
  Digest: bcs.byteVector(),
  addressText: (address: Uint8Array) =>
    `0x${Buffer.from(address.buffer, address.byteOffset, address.length).toString("hex")}`,
  digestText: toBase58,
  digestBytes: (digest: Uint8Array) => digest,
} satisfies Leaves & LeafText<Uint8Array, Uint8Array>;

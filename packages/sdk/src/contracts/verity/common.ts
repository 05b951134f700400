import { bcs } from "@mysten/sui/bcs";
import { bytesToHex } from "@noble/hashes/utils.js";

/**
 * A Move `address`: 32 bytes, decoded as 0x + 64 lowercase hex digits and encoded from such a
 * string (any form `bcs.Address` takes) or the bytes, as `bcs.Address` does. Decoding goes
 * through `@noble/hashes`' `bytesToHex` rather than `bcs.Address`'s character-by-character hex
 * and `normalizeSuiAddress` (a no-op on 32 bytes): the indexer decodes several per event
 * (README, Throughput).
 */
export const Address = bcs.bytes(32).transform({
  name: "address",
  input: (value: string | Uint8Array) => bcs.Address.serialize(value).toBytes(),
  output: (bytes) => `0x${bytesToHex(bytes)}`,
});

/** `0x2::object::ID`: a 32-byte object id, decoded as a 0x-prefixed hex string. */
export const ID = Address;

/** `std::string::String`: UTF-8 bytes with a ULEB128 length. */
export const MoveString = bcs.string();

/**
 * A Walrus blob id as Move stores it: `u256` (32 bytes, little-endian), decoded as a decimal
 * string and encoded from a bigint, number or decimal string, as `bcs.u256()` does (same range
 * check). Decoding goes through one `BigInt` of the bytes' hex rather than `bcs.u256()`'s eight
 * 32-bit reads joined by shifts: ~1 instead of ~6 us a blob id, and the indexer decodes
 * several per event (README, Throughput).
 */
export const BlobId = bcs.bytes(32).transform({
  name: "u256",
  input: (value: bigint | number | string) => bcs.u256().serialize(value).toBytes(),
  output: (bytes) => BigInt(`0x${bytesToHex(bytes.slice().reverse())}`).toString(),
});

/**
 * A byte vector (`vector<u8>`): SHA-256 digests, public keys, signatures. Decoded as a
 * `Uint8Array` (a view into the decoded bytes); encodes a `Uint8Array` or an array of bytes,
 * the same bytes as `bcs.vector(bcs.u8())`.
 *
 * @throws TypeError when encoding an element that is not an integer 0-255 (which `Uint8Array`
 *   would silently wrap or truncate: 256 -> 0, -1 -> 255, 1.5 -> 1)
 */
export const Bytes = bcs.byteVector({ validate: refuseNonBytes });

function refuseNonBytes(value: Iterable<number>): void {
  // Not an object: byteVector's own check says what was expected.
  if (typeof value !== "object" || value === null || value instanceof Uint8Array) return;
  for (const byte of value) {
    if (!Number.isInteger(byte) || byte < 0 || byte > 255) {
      throw new TypeError(`Invalid u8 value: ${byte}. Expected an integer in range 0-255`);
    }
  }
}

/** `0x2::table::Table<K, V>` as stored in its parent: the table's id and entry count. */
export const Table = bcs.struct("Table", {
  id: ID,
  size: bcs.u64(),
});

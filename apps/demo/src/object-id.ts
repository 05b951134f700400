import { toHex } from "@mysten/bcs";
import { blake2b } from "@noble/hashes/blake2.js";

/** Sui's `HashingIntentScope::RegularObjectId`: the domain byte of object ids. */
const REGULAR_OBJECT_ID = 0xf1;

/**
 * The id of the `count`-th object (from 0) that the transaction with digest `txDigest` (32 bytes)
 * creates, as Sui derives it (`ObjectID::derive_id`): Blake2b-256 over the scope byte `0xf1`,
 * the digest, and `count` as a little-endian u64. Returns 0x + 64 hex.
 */
export function deriveObjectId(txDigest: Uint8Array, count: number): string {
  const preimage = new Uint8Array(1 + txDigest.length + 8);
  preimage[0] = REGULAR_OBJECT_ID;
  preimage.set(txDigest, 1);
  new DataView(preimage.buffer).setBigUint64(1 + txDigest.length, BigInt(count), true);
  return `0x${toHex(blake2b(preimage, { dkLen: 32 }))}`;
}

import { blake2b } from "@noble/hashes/blake2.js";

const encoder = new TextEncoder();

/**
 * Sui's digest of a value (`default_hash`): Blake2b-256 over `"<TypeName>::"` followed by the
 * value's BCS bytes, as 32 bytes (Sui prints them in base58). With `TransactionData` it is the
 * transaction digest (what `TransactionDataBuilder.getDigestFromBytes` of `@mysten/sui`
 * computes), with `CheckpointSummary` the checkpoint digest, and likewise for
 * `TransactionEffects`, `TransactionEvents` and `CheckpointContents`. `@mysten/sui` exports no
 * such function for types other than `TransactionData`.
 */
export function suiDigest(typeName: string, bcs: Uint8Array): Uint8Array {
  const hash = blake2b.create({ dkLen: 32 });
  hash.update(encoder.encode(`${typeName}::`));
  hash.update(bcs);
  return hash.digest();
}

/** Whether two digests (or any byte strings) are equal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

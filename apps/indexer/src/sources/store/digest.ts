import { toBase58 } from "@mysten/bcs";
import { blake2b } from "@noble/hashes/blake2.js";

const encoder = new TextEncoder();

/**
 * Sui's digest of a value (`default_hash`): Blake2b-256 over `"<TypeName>::"` followed by the
 * value's BCS bytes, base58. With `TransactionData` it is the transaction digest (what
 * `TransactionDataBuilder.getDigestFromBytes` of `@mysten/sui` computes), with
 * `CheckpointSummary` the checkpoint digest, and likewise for `TransactionEffects`,
 * `TransactionEvents` and `CheckpointContents`. `@mysten/sui` exports no such function for
 * types other than `TransactionData`.
 */
export function suiDigest(typeName: string, bcs: Uint8Array): string {
  const hash = blake2b.create({ dkLen: 32 });
  hash.update(encoder.encode(`${typeName}::`));
  hash.update(bcs);
  return toBase58(hash.digest());
}

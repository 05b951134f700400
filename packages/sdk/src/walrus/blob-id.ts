import { BlobEncoder } from "@mysten/walrus-wasm";
import { BlobId } from "../contracts/verity/common.ts";
import { blobIdFromU256, U256_MAX } from "./u256.ts";

/** Shards of Walrus mainnet and testnet; blob ids depend on it. */
export const WALRUS_SHARDS = 1000;

/**
 * The Walrus blob id of `bytes` for `numShards` shards (RS2 encoding), as URL-safe base64 (what
 * Walrus prints) and as the u256 Move sees. Computed locally with Walrus's own encoder
 * (`@mysten/walrus-wasm`, what `WalrusClient.computeBlobMetadata` runs), with no client or
 * network. Synchronous: it holds the calling thread for a fixed cost per call plus time linear in
 * `bytes.length`, and memory linear in it (figures: README, Measurements).
 */
export function walrusBlobIdOf(
  bytes: Uint8Array,
  numShards = WALRUS_SHARDS,
): { blobId: string; u256: bigint } {
  const [id] = new BlobEncoder(numShards).compute_metadata(bytes) as [number[]];
  const u256 = BigInt(BlobId.parse(Uint8Array.from(id)));
  return { blobId: blobIdFromU256(u256), u256 };
}

/**
 * A Walrus blob id in either spelling, as Walrus prints it: URL-safe base64 of the 32-byte
 * little-endian u256 (43 characters, returned as is) or the decimal u256 Move sees (converted).
 * Returns undefined for anything else.
 */
export function normalizeBlobId(text: string): string | undefined {
  if (/^[0-9]{1,78}$/.test(text) && BigInt(text) <= U256_MAX) return blobIdFromU256(text);
  if (/^[A-Za-z0-9_-]{43}$/.test(text)) return text;
  return undefined;
}

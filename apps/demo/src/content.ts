import { createHash } from "node:crypto";
import { walrusBlobIdOf } from "@verity/sdk/walrus";

/** Bytes as Verity registers them: their Walrus blob id, SHA-256 and size. */
export interface Content {
  bytes: Uint8Array;
  /** IANA media type, e.g. `text/csv` */
  mediaType: string;
  /** bytes */
  size: number;
  /** SHA-256 of `bytes`, 32 bytes */
  sha256: Uint8Array;
  /** Walrus blob id (1000 shards, as mainnet and testnet), URL-safe base64 */
  blobId: string;
  /** the same blob id as the u256 Move stores */
  blobIdU256: bigint;
}

/** Blob ids already computed, by SHA-256 (hex): equal bytes (e.g. equal answers) cost one. */
const blobIds = new Map<string, { blobId: string; u256: bigint }>();

/**
 * The identity of `bytes`: the Walrus blob id Walrus would give them (computed locally with
 * Walrus's own encoder, `walrusBlobIdOf`, the costly part; nothing is uploaded) and their
 * SHA-256. Equal bytes are encoded once per process.
 */
export function contentOf(bytes: Uint8Array, mediaType: string): Content {
  const sha256 = createHash("sha256").update(bytes).digest();
  const key = sha256.toString("hex");
  const id = blobIds.get(key) ?? walrusBlobIdOf(bytes);
  blobIds.set(key, id);
  return { bytes, mediaType, size: bytes.length, sha256, blobId: id.blobId, blobIdU256: id.u256 };
}

/** `value` as JSON bytes (`JSON.stringify`, UTF-8, no spacing). */
export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** `value` as JSON bytes (see `jsonBytes`), typed `application/json`. */
export function jsonContent(value: unknown): Content {
  return contentOf(jsonBytes(value), "application/json");
}

/** SHA-256 of `value` as JSON bytes (see `jsonBytes`), 32 bytes: what an attester commits to. */
export function jsonSha256(value: unknown): Uint8Array {
  return createHash("sha256").update(jsonBytes(value)).digest();
}

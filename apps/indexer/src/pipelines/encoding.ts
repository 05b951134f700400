/** Conversions from decoded BCS values (`@mysten/sui/bcs` shapes) to the database's encodings. */
import { blobIdFromInt } from "@mysten/walrus";

/** Blob ids converted lately, by `u256`: a blob's id recurs across the events of its story. */
const recent = new Map<string, string>();
/** Conversions kept, at most (then the map starts afresh). */
const RECENT_MAX = 4096;

/**
 * A Walrus blob id as decoded from `u256` (decimal string) -> URL-safe base64, as Walrus writes
 * it (`blobIdFromInt`, which serializes through a new BCS writer each time: recent ones are
 * kept).
 */
export function walrusBlobId(u256: string): string {
  const known = recent.get(u256);
  if (known !== undefined) return known;
  const id = blobIdFromInt(BigInt(u256));
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(u256, id);
  return id;
}

/** Conversions from decoded BCS values (`@mysten/sui/bcs` shapes) to the database's encodings. */
import { toHex } from "@mysten/bcs";
import { blobIdFromInt } from "@mysten/walrus";

/** `vector<u8>` as decoded (number array) -> lowercase hex without 0x (digests, keys, signatures). */
export const hex = (bytes: Iterable<number>): string => toHex(Uint8Array.from(bytes));

/** A Walrus blob id as decoded from `u256` (decimal string) -> URL-safe base64, as Walrus writes it. */
export const walrusBlobId = (u256: string): string => blobIdFromInt(BigInt(u256));

/** Conversions from decoded BCS values (`@mysten/sui/bcs` shapes) to the database's encodings. */
import { blobIdFromInt } from "@mysten/walrus";

/** A Walrus blob id as decoded from `u256` (decimal string) -> URL-safe base64, as Walrus writes it. */
export const walrusBlobId = (u256: string): string => blobIdFromInt(BigInt(u256));

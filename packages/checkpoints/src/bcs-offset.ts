import type { BcsReader } from "@mysten/bcs";

/**
 * How many bytes `reader` has consumed. `@mysten/bcs` keeps the position in a field its types
 * mark private (`bytePosition`); it is a plain field at runtime, read here in one place (the
 * checkpoint decoder's round-trip tests and the golden vectors would notice a change).
 */
export function readerOffset(reader: BcsReader): number {
  return (reader as unknown as { bytePosition: number }).bytePosition;
}

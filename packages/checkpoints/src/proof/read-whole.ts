import { BcsReader } from "@mysten/bcs";
import { readerOffset } from "../bcs-offset.ts";

/**
 * `layout`'s value in `bytes`, which must end where the value does (a proof part is exactly one
 * value).
 *
 * @throws Error `<name> does not decode: …` or `<n> bytes left after the <name>`
 */
export function readWhole<T>(
  layout: { read(reader: BcsReader): T; name: string },
  bytes: Uint8Array,
): T {
  const reader = new BcsReader(bytes);
  let value: T;
  try {
    value = layout.read(reader);
  } catch (error) {
    throw new Error(`${layout.name} does not decode: ${(error as Error).message}`);
  }
  const end = readerOffset(reader);
  if (end !== bytes.length)
    throw new Error(`${bytes.length - end} bytes left after the ${layout.name}`);
  return value;
}

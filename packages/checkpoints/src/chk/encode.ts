import { BCS_TAG } from "./decode.ts";
import { CheckpointData } from "./layouts/checkpoint.ts";

/** What `encodeCheckpointFile` takes: a `CheckpointData` value (as decoded, or built). */
export type CheckpointDataInput = typeof CheckpointData.$inferInput;

/**
 * The bytes of a checkpoint-store file (`<seq>.chk`) holding `data`: the BCS blob-encoding tag
 * (`0x01`), then the BCS of `CheckpointData`. The inverse of `decodeCheckpointData`. The digests
 * inside `data` are written as given: encode and hash its parts (`TransactionData`, …,
 * `CheckpointSummary`, with `suiDigest`) first for a file whose digests tie together.
 *
 * @throws Error (from `@mysten/bcs`) when `data` does not fit the layout
 */
export function encodeCheckpointFile(data: CheckpointDataInput): Uint8Array {
  const bcs = CheckpointData.serialize(data).toBytes();
  const file = new Uint8Array(1 + bcs.length);
  file[0] = BCS_TAG;
  file.set(bcs, 1);
  return file;
}

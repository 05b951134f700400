import { CheckpointDecodeError } from "../chk/error.ts";

/** The name of a store's epoch index, next to its checkpoint files. */
export const EPOCHS_FILE = "epochs.json";

/**
 * The checkpoints a store's `epochs.json` lists: the last checkpoint of each epoch, increasing,
 * as Sui's `sui-checkpoint-blob-indexer` writes it (pipeline `epochs`: a JSON array of
 * checkpoint sequence numbers, one added at each end-of-epoch checkpoint; in a store filled
 * from genesis, entry `i` is the last checkpoint of epoch `i`, and entry `i` + 1 the first of
 * epoch `i + 1`). Numbers are read from their digits, exactly.
 *
 * @param source file path or URL, named in errors
 * @throws CheckpointDecodeError when `text` is not JSON, or not an array of whole non-negative
 *   numbers in increasing order
 */
export function parseEpochs(text: string, source: string): bigint[] {
  const fail = (reason: string): never => {
    throw new CheckpointDecodeError(reason, undefined, source);
  };
  let parsed: unknown;
  try {
    // Whole numbers from their digits (`context.source`), not from a float's rounding.
    parsed = JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
      typeof value === "number" && /^\d+$/.test(context?.source ?? "")
        ? BigInt(context!.source!)
        : value,
    );
  } catch (error) {
    return fail(`not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) return fail("not a JSON array of checkpoint sequence numbers");
  const list: unknown[] = parsed;
  return list.map((entry, i) => {
    if (typeof entry !== "bigint")
      return fail(`entry ${i} is not a checkpoint sequence number (a whole number)`);
    const previous = list[i - 1] as bigint | undefined;
    if (previous !== undefined && entry <= previous)
      fail(`entry ${i} (${entry}) does not follow entry ${i - 1} (${previous})`);
    return entry;
  });
}

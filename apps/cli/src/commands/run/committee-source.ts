/** Reading the files `verity verify` checks: their bytes, and committees from them. */
import { readFile } from "node:fs/promises";
import { anchorCommittee, type Committee } from "@verity/checkpoints";

/**
 * The bytes of the file at `path`.
 *
 * @throws Error naming the file that is missing or unreadable
 */
export async function readBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(
    await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
    }),
  );
}

/**
 * The committee the file at `source` names (`anchorCommittee`): the next epoch's, when it is a
 * checkpoint or certified summary with end-of-epoch data; else a committee file (BCS `{ epoch,
 * members }`), which must decode to its last byte.
 *
 * @throws Error naming the file when it is missing or neither, or a checkpoint that ends no epoch
 */
export async function committeeFrom(source: string): Promise<Committee> {
  return anchorCommittee(await readBytes(source), source);
}

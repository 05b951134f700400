import { decodeCertifiedSummary } from "../chk/decode.ts";
import { type Committee, committeeFromBcs, nextCommittee } from "./committee.ts";

/**
 * The committee a trust anchor's bytes name: the next epoch's, when they are a checkpoint or a
 * certified summary with end-of-epoch data (see `decodeCertifiedSummary`; its certificate is not
 * checked: an anchor is trusted as given); else a committee file (see `CommitteeBcs`), which
 * must decode to its last byte.
 *
 * @param source file path, named in errors
 * @throws Error naming `source` when the bytes are neither; `nextCommittee`'s Error for a
 *   checkpoint that ends no epoch
 */
export function anchorCommittee(bytes: Uint8Array, source: string): Committee {
  let certified: ReturnType<typeof decodeCertifiedSummary> | undefined;
  try {
    certified = decodeCertifiedSummary(bytes, source);
  } catch {
    // not a checkpoint: a committee file
  }
  if (certified) return nextCommittee(certified);
  try {
    return committeeFromBcs(bytes);
  } catch (error) {
    throw new Error(
      `${source}: neither a checkpoint nor a committee file (${(error as Error).message})`,
    );
  }
}

import { readFile } from "node:fs/promises";
import {
  type Committee,
  committeeFromBcs,
  decodeCertifiedSummary,
  nextCommittee,
  verifyCheckpointCertificate,
} from "@verity/checkpoints";

/**
 * `verity verify checkpoint`'s work: prints `certified: checkpoint S, epoch E, N of M
 * validators, V of 10000 voting power`.
 *
 * @throws Error naming the file that does not decode, or the certificate check that failed
 */
export async function verifyCheckpoint(file: string, source: string): Promise<void> {
  const certified = decodeCertifiedSummary(await read(file), file);
  const committee = committeeFrom(await read(source), source);
  const { sequenceNumber, epoch, signers, validators, votingPower } = verifyCheckpointCertificate(
    certified,
    committee,
  );
  console.log(
    `certified: checkpoint ${sequenceNumber}, epoch ${epoch}, ${signers.length} of ${validators} validators, ${votingPower} of 10000 voting power`,
  );
}

/** The bytes of `path`, or an error naming it. */
async function read(path: string): Promise<Uint8Array> {
  return new Uint8Array(
    await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
    }),
  );
}

/**
 * The committee `bytes` name: the next epoch's, when they are a checkpoint or certified summary
 * with end-of-epoch data; else a committee file, which must decode to its last byte.
 */
function committeeFrom(bytes: Uint8Array, source: string): Committee {
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

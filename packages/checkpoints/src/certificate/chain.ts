import type { CertifiedCheckpointSummary } from "../chk/layouts/checkpoint.ts";
import { type Committee, nextCommittee } from "./committee.ts";
import { CertificateError, verifyCheckpointCertificate } from "./verify.ts";

/**
 * The committee chain from a trust anchor: `anchor` is trusted (a network's genesis committee,
 * or one the user pins); `lastOfEpoch` holds the last checkpoint of each epoch from
 * `anchor.epoch` on, in order (a checkpoint store's `epochs.json` lists them). Each is verified
 * by the committee of its epoch, and its end-of-epoch data gives the next one. Returns every
 * committee, `anchor` first, so the last is the committee of epoch
 * `anchor.epoch + lastOfEpoch.length`.
 *
 * @throws CertificateError when a checkpoint is of another epoch than the chain has reached, is
 *   not the last of its epoch, or is not certified by that epoch's committee
 */
export function committeeChain(
  anchor: Committee,
  lastOfEpoch: readonly CertifiedCheckpointSummary[],
): Committee[] {
  const chain = [anchor];
  for (const certified of lastOfEpoch) {
    const committee = chain[chain.length - 1] as Committee;
    const { epoch, sequenceNumber, endOfEpochData } = certified.data.value;
    if (BigInt(epoch) !== committee.epoch)
      throw new CertificateError(
        `checkpoint ${sequenceNumber} is of epoch ${epoch}; the chain has reached epoch ${committee.epoch}`,
      );
    if (!endOfEpochData)
      throw new CertificateError(
        `checkpoint ${sequenceNumber} is not the last of epoch ${epoch}: it names no next committee`,
      );
    verifyCheckpointCertificate(certified, committee);
    chain.push(nextCommittee(certified));
  }
  return chain;
}

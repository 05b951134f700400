import { decodeCertifiedSummary, verifyCheckpointCertificate } from "@verity/checkpoints";
import { committeeFrom, readBytes } from "./committee-source.ts";

/**
 * `verity verify checkpoint`'s work: prints `certified: checkpoint S, epoch E, N of M
 * validators, V of 10000 voting power`.
 *
 * @throws Error naming the file that does not decode, or the certificate check that failed
 */
export async function verifyCheckpoint(file: string, source: string): Promise<void> {
  const certified = decodeCertifiedSummary(await readBytes(file), file);
  const committee = await committeeFrom(source);
  const { sequenceNumber, epoch, signers, validators, votingPower } = verifyCheckpointCertificate(
    certified,
    committee,
  );
  console.log(
    `certified: checkpoint ${sequenceNumber}, epoch ${epoch}, ${signers.length} of ${validators} validators, ${votingPower} of 10000 voting power`,
  );
}

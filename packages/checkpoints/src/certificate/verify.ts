import type { CertifiedCheckpointSummary } from "../chk/layouts/checkpoint.ts";
import { type BlsVerifier, nobleBls } from "./bls.ts";
import type { Committee } from "./committee.ts";
import { CertificateError } from "./error.ts";
import { readRoaring } from "./roaring.ts";

export { CertificateError };

/** Voting power a certificate needs: 2f+1 of Sui's total of 10,000. */
export const QUORUM_VOTING_POWER = 6667n;

/** Intent of a checkpoint summary: scope CheckpointSummary (2), version 0, app Sui (0). */
const CHECKPOINT_INTENT = Uint8Array.of(2, 0, 0);

/**
 * The message the validators of `epoch` sign for a checkpoint: `[2, 0, 0]` (intent scope
 * CheckpointSummary, version 0, app Sui) ++ the summary's BCS bytes ++ `epoch` as u64
 * little-endian. Its BLS12-381 min-sig signature hashes it to G1 with
 * `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_`.
 */
export function checkpointSigningMessage(summaryBcs: Uint8Array, epoch: bigint): Uint8Array {
  const message = new Uint8Array(CHECKPOINT_INTENT.length + summaryBcs.length + 8);
  message.set(CHECKPOINT_INTENT);
  message.set(summaryBcs, CHECKPOINT_INTENT.length);
  new DataView(message.buffer).setBigUint64(message.length - 8, epoch, true);
  return message;
}

/** A verified checkpoint certificate. */
export interface CertifiedCheckpoint {
  sequenceNumber: bigint;
  epoch: bigint;
  /** committee indexes of the validators that signed */
  signers: number[];
  /** validators in the committee */
  validators: number;
  /** the signers' voting power, of 10,000 */
  votingPower: bigint;
}

/**
 * Verifies the certificate of a checkpoint summary (`checkpointSummary` of a `CheckpointData`,
 * or `decodeCertifiedSummary`'s) against `committee`: the epochs
 * agree, the signers bitmap is well formed and names committee members, their voting power is
 * a quorum, and the aggregate BLS12-381 signature (min-sig: a 48-byte G1 signature, 96-byte G2
 * keys, `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_`) verifies over `[2, 0, 0] ++ BCS(summary)
 * ++ epoch (u64 LE)` with the sum of the signers' keys. That last check is `bls`'s: by default
 * `nobleBls` (`@noble/curves`, pure JS, also in browsers), which decompresses a committee's keys
 * once per `Committee` object, so verify many checkpoints of an epoch with the same object.
 *
 * @throws CertificateError naming the check that failed
 */
export function verifyCheckpointCertificate(
  certified: CertifiedCheckpointSummary,
  committee: Committee,
  bls: BlsVerifier = nobleBls,
): CertifiedCheckpoint {
  const { value: summary, bcs: summaryBcs } = certified.data;
  const { epoch, signature, signersMap } = certified.authSignature;
  const sequenceNumber = BigInt(summary.sequenceNumber);
  const signedEpoch = BigInt(epoch);
  if (signedEpoch !== BigInt(summary.epoch))
    throw new CertificateError(
      `signed for epoch ${signedEpoch}, the summary is of epoch ${summary.epoch}`,
    );
  if (committee.epoch !== signedEpoch)
    throw new CertificateError(
      `signed by epoch ${signedEpoch}'s committee, given epoch ${committee.epoch}'s`,
    );
  let signers: number[];
  try {
    signers = readRoaring(Uint8Array.from(signersMap));
  } catch (error) {
    throw new CertificateError(`malformed signers bitmap: ${(error as Error).message}`);
  }
  const members = signers.map((index) => {
    const member = committee.members[index];
    if (!member)
      throw new CertificateError(
        `signer ${index} is not in the committee of ${committee.members.length}`,
      );
    return member;
  });
  const votingPower = members.reduce((sum, m) => sum + m.votingPower, 0n);
  if (votingPower < QUORUM_VOTING_POWER)
    throw new CertificateError(
      `signers hold ${votingPower} of 10000 voting power, below the quorum of ${QUORUM_VOTING_POWER}`,
    );
  const message = checkpointSigningMessage(summaryBcs, signedEpoch);
  let valid: boolean;
  try {
    valid = bls.verify(Uint8Array.from(signature), message, signers, committee);
  } catch (error) {
    if (error instanceof CertificateError) throw error;
    throw new CertificateError(`bad key or signature bytes: ${(error as Error).message}`);
  }
  if (!valid)
    throw new CertificateError(
      `the aggregate signature of ${signers.length} signers does not verify over checkpoint ${sequenceNumber}'s summary`,
    );
  return {
    sequenceNumber,
    epoch: signedEpoch,
    signers,
    validators: committee.members.length,
    votingPower,
  };
}

import { BcsReader, bcs } from "@mysten/bcs";
import { readerOffset } from "../bcs-offset.ts";
import type { CertifiedCheckpointSummary } from "../chk/layouts/checkpoint.ts";

/** One validator of a committee: its BLS12-381 public key and voting power. */
export interface CommitteeMember {
  /** compressed G2 point, 96 bytes (Sui's `AuthorityPublicKeyBytes`) */
  publicKey: Uint8Array;
  /** voting power; a committee's total is 10,000 */
  votingPower: bigint;
}

/** The validators of one epoch, in the order `signers_map` indexes them. */
export interface Committee {
  epoch: bigint;
  members: CommitteeMember[];
}

/**
 * A committee file: BCS `{ epoch: u64, members: vector<{ public_key: vector<u8>, stake: u64 }> }`
 * (the layout of `../shared/fixtures/light-client/ocs/committee.bcs`, from sui-rust-sdk).
 */
export const CommitteeBcs = bcs.struct("Committee", {
  epoch: bcs.u64(),
  members: bcs.vector(
    bcs.struct("CommitteeMember", { public_key: bcs.byteVector(), stake: bcs.u64() }),
  ),
});

/**
 * Decodes a committee file (see {@link CommitteeBcs}), which must end where the committee does.
 *
 * @throws the BCS reader's error on bytes that do not fit the layout; Error on bytes left over
 */
export function committeeFromBcs(bytes: Uint8Array): Committee {
  const reader = new BcsReader(bytes);
  const { epoch, members } = CommitteeBcs.read(reader);
  const end = readerOffset(reader);
  if (end !== bytes.length)
    throw new Error(`${bytes.length - end} bytes left after the committee, from byte ${end}`);
  return {
    epoch: BigInt(epoch),
    members: members.map((m) => ({
      publicKey: Uint8Array.from(m.public_key),
      votingPower: BigInt(m.stake),
    })),
  };
}

/**
 * The committee file of `committee` (see {@link CommitteeBcs}): what `committeeFromBcs` reads
 * back to an equal committee.
 */
export function committeeToBcs({ epoch, members }: Committee): Uint8Array {
  return CommitteeBcs.serialize({
    epoch,
    members: members.map((m) => ({ public_key: m.publicKey, stake: m.votingPower })),
  }).toBytes();
}

/**
 * The committee of the next epoch named by `certified`'s end-of-epoch data (only the last checkpoint
 * of an epoch has it): epoch `summary.epoch + 1`. Trust it only once that certificate is
 * verified against the committee of its own epoch.
 *
 * @throws Error when it is not the last checkpoint of an epoch
 */
export function nextCommittee(certified: CertifiedCheckpointSummary): Committee {
  const summary = certified.data.value;
  const end = summary.endOfEpochData;
  if (!end)
    throw new Error(
      `checkpoint ${summary.sequenceNumber} is not the last of its epoch: no next committee`,
    );
  return {
    epoch: BigInt(summary.epoch) + 1n,
    members: end.nextEpochCommittee.map(([publicKey, votingPower]) => ({
      publicKey: Uint8Array.from(publicKey),
      votingPower: BigInt(votingPower),
    })),
  };
}

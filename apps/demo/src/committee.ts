/**
 * The simulated chain's validators and their checkpoint certificates: real BLS12-381 keys in
 * Sui's min-sig form (96-byte compressed G2 public keys, 48-byte G1 signatures), so that every
 * checkpoint the demo writes verifies as a real one does (`verifyCheckpointCertificate`), with
 * the committee file written beside them.
 */
import { createHash } from "node:crypto";
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { type Committee, CommitteeBcs, checkpointSigningMessage } from "@verity/checkpoints";
import { RoaringBitmap32 } from "roaring-wasm";
import { SIMULATED_EPOCH } from "./chain.ts";

const bls = bls12_381.shortSignatures;

/** Validators of the demo committee; each holds an equal share of Sui's 10,000 voting power. */
const VALIDATORS = 4;
const VOTING_POWER = 10_000 / VALIDATORS;

/**
 * The demo committee's shape: its validators, and the voting power (of 10,000) each checkpoint's
 * certificate carries, as all validators but one sign each checkpoint (a quorum is 6,667).
 */
export const DEMO_COMMITTEE = {
  validators: VALIDATORS,
  votingPower: (VALIDATORS - 1) * VOTING_POWER,
} as const;

/** A validator: its BLS12-381 secret key (32 bytes) and compressed G2 public key (96 bytes). */
interface Validator {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

let validators: Validator[] | undefined;

/**
 * The demo's validators, in committee order, made on first use. Validator `i`'s secret key is
 * mapped into the scalar field from the SHA-384 of a public label, so every run has the same
 * keys and the same certificates. Anyone can derive them: they certify the demo's simulated
 * history and must never hold anything on a real network.
 */
function demoValidators(): Validator[] {
  validators ??= Array.from({ length: VALIDATORS }, (_, i) => {
    const seed = createHash("sha384").update(`verity demo validator: ${i}`).digest();
    const secretKey = bls12_381.utils.randomSecretKey(seed);
    return { secretKey, publicKey: bls.getPublicKey(secretKey).toBytes() };
  });
  return validators;
}

/** The demo committee, of epoch `SIMULATED_EPOCH`, as `committeeFromBcs` gives it. */
export function demoCommittee(): Committee {
  return {
    epoch: BigInt(SIMULATED_EPOCH),
    members: demoValidators().map((v) => ({
      publicKey: v.publicKey,
      votingPower: BigInt(VOTING_POWER),
    })),
  };
}

/**
 * The demo committee as a committee file: BCS `CommitteeBcs` (`{ epoch, members: [{ public_key,
 * stake }] }`), what `verity verify checkpoint --committee` and `committeeFromBcs` read.
 */
export function demoCommitteeBcs(): Uint8Array {
  const { epoch, members } = demoCommittee();
  return CommitteeBcs.serialize({
    epoch,
    members: members.map((m) => ({ public_key: m.publicKey, stake: m.votingPower })),
  }).toBytes();
}

/**
 * The certificate (`AuthorityQuorumSignInfo`) of the summary of checkpoint `sequenceNumber`,
 * whose BCS is `summaryBcs`: the aggregate signature of every validator but one (validator
 * `sequenceNumber mod 4` sits it out, so each signs in turn) over
 * `checkpointSigningMessage(summaryBcs, SIMULATED_EPOCH)`, and the signers as a Roaring bitmap
 * in its portable serialization.
 */
export function certifySummary(
  summaryBcs: Uint8Array,
  sequenceNumber: number,
): { epoch: number; signature: Uint8Array; signersMap: Uint8Array } {
  const all = demoValidators();
  const signers = all.flatMap((_, i) => (i === sequenceNumber % all.length ? [] : [i]));
  const message = bls.hash(checkpointSigningMessage(summaryBcs, BigInt(SIMULATED_EPOCH)));
  const signature = bls.aggregateSignatures(
    signers.map((i) => bls.sign(message, (all[i] as Validator).secretKey)),
  );
  const bitmap = new RoaringBitmap32(signers);
  try {
    return {
      epoch: SIMULATED_EPOCH,
      signature: bls.Signature.toBytes(signature),
      signersMap: bitmap.serialize("portable"),
    };
  } finally {
    bitmap.dispose();
  }
}

import { bls12_381 } from "@noble/curves/bls12-381.js";
import type { Committee } from "./committee.ts";
import { CertificateError } from "./error.ts";

/**
 * The pairing check of a checkpoint certificate, BLS12-381 min-sig as Sui signs: whether
 * `signature` (a 48-byte compressed G1 point) verifies over `message` (hashed to G1 by RFC 9380
 * with `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_`) with the sum of the public keys (96-byte
 * compressed G2 points, subgroup checked) of `committee`'s members at the indexes `signers` (all
 * of them members). `verifyCheckpointCertificate` does every other check before asking it.
 * Implementations may keep a committee's decoded keys per `Committee` object.
 *
 * @throws CertificateError on a committee key that is not a G2 point; Error on signature bytes
 *   that are not a G1 point of the subgroup (`verifyCheckpointCertificate` reports both)
 */
export interface BlsVerifier {
  verify(
    signature: Uint8Array,
    message: Uint8Array,
    signers: readonly number[],
    committee: Committee,
  ): boolean;
}

type G2Point = ReturnType<typeof bls12_381.G2.Point.fromBytes>;

/** Each committee's public keys as G2 points, decompressed once (the costly part). */
const committeeKeys = new WeakMap<Committee, G2Point[]>();

/** `committee`'s keys as points, from the cache or decompressed now. */
function keysOf(committee: Committee): G2Point[] {
  let keys = committeeKeys.get(committee);
  if (!keys) {
    keys = committee.members.map((m, i) => {
      try {
        return bls12_381.G2.Point.fromBytes(m.publicKey);
      } catch (error) {
        throw new CertificateError(
          `committee member ${i}'s public key is not a G2 point: ${(error as Error).message}`,
        );
      }
    });
    committeeKeys.set(committee, keys);
  }
  return keys;
}

/**
 * The {@link BlsVerifier} of `@noble/curves` (pure JS, also in browsers), the default of
 * `verifyCheckpointCertificate`; a committee's keys are decompressed once per `Committee` object.
 */
export const nobleBls: BlsVerifier = {
  verify(signature, message, signers, committee) {
    const keys = keysOf(committee);
    const bls = bls12_381.shortSignatures;
    const key = bls.aggregatePublicKeys(signers.map((index) => keys[index] as G2Point));
    return bls.verify(signature, bls.hash(message), key);
  },
};

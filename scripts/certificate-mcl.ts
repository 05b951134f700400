/**
 * The BLS12-381 check of a checkpoint certificate with `mcl-wasm` (herumi's mcl compiled to
 * WebAssembly), for `bench-certificate.ts` to weigh against `@verity/checkpoints`'
 * `verifyCheckpointCertificate` (`@noble/curves`, pure JS). Same min-sig scheme: a 48-byte G1
 * signature, 96-byte compressed G2 keys (ZCash/Ethereum serialization, subgroup checked), the
 * message `checkpointSigningMessage(summaryBcs, epoch)` hashed to G1 by RFC 9380 with
 * `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_`, and e(sig, G2 generator) == e(H(m), sum of the
 * signers' keys). Only the signature: the epoch and quorum checks stay in `@verity/checkpoints`.
 */
import {
  type CertifiedCheckpointSummary,
  type Committee,
  checkpointSigningMessage,
  readRoaring,
} from "@verity/checkpoints";
import mcl, { type G2, type PrecomputedG2 } from "mcl-wasm";

/** Sui's hash-to-G1 domain of checkpoint signatures (min-sig, no proof of possession). */
const DST_G1 = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

/** The standard BLS12-381 G2 generator, compressed (mcl-wasm has no `getBasePointG2`). */
const G2_GENERATOR =
  "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8";

/**
 * The Emscripten module mcl-wasm exports at run time as `mod` but not in its types: its API has
 * no call for `mclBnG1_setDst`, so it is wrapped here the way mcl-wasm wraps its own inputs
 * (`wrapInput(fn, 0)` copies a string to the wasm stack and throws on a non-zero return).
 */
interface McLModule {
  wrapInput(fn: unknown, argNum: 0): (input: string) => void;
  _mclBnG1_setDst: unknown;
}

/** The negated G2 generator's Miller-loop coefficients, set by `initMcl`. */
let negatedGenerator: PrecomputedG2 | undefined;

/**
 * Loads the wasm module for BLS12-381 with Sui's conventions: ZCash/Ethereum serialization,
 * RFC 9380 hash-to-curve, {@link DST_G1}. Call once before the other functions.
 *
 * @throws Error when mcl refuses the curve or the DST
 */
export async function initMcl(): Promise<void> {
  await mcl.init(mcl.BLS12_381);
  mcl.setETHserialization(true);
  mcl.setMapToMode(mcl.IRTF);
  const module = (mcl as unknown as { mod: McLModule }).mod;
  module.wrapInput(module._mclBnG1_setDst, 0)(DST_G1);
  const generator = new mcl.G2();
  generator.deserializeHexStr(G2_GENERATOR);
  negatedGenerator = new mcl.PrecomputedG2(mcl.neg(generator));
}

/**
 * `committee`'s keys as mcl G2 points, in committee order (the one-off cost of an epoch).
 *
 * @throws Error (mcl's "err _wrapDeserialize") on a key that is not a compressed G2 point of the
 *   subgroup
 */
export function mclCommitteeKeys(committee: Committee): G2[] {
  return committee.members.map((member) => {
    const key = new mcl.G2();
    key.deserialize(member.publicKey);
    return key;
  });
}

/**
 * Whether `certified`'s aggregate signature verifies with the sum of its signers' `keys` (from
 * {@link mclCommitteeKeys} of the signing epoch's committee) over its summary.
 *
 * @throws Error before {@link initMcl}, on a malformed signers bitmap, a signer outside `keys`
 *   or signature bytes that are not a G1 point
 */
export function mclVerifyCertificate(certified: CertifiedCheckpointSummary, keys: G2[]): boolean {
  if (!negatedGenerator) throw new Error("initMcl() first");
  const { epoch, signature, signersMap } = certified.authSignature;
  const signerKeys = readRoaring(Uint8Array.from(signersMap)).map((index) => {
    const key = keys[index];
    if (!key) throw new Error(`signer ${index} is not among the ${keys.length} keys`);
    return key;
  });
  const aggregate = signerKeys.reduce((sum, key) => mcl.add(sum, key), new mcl.G2());
  const point = new mcl.G1();
  point.deserialize(Uint8Array.from(signature));
  const hashed = new mcl.G1();
  hashed.setHashOf(checkpointSigningMessage(certified.data.bcs, BigInt(epoch)));
  // e(H(m), key) · e(sig, −g2) == 1, with one final exponentiation
  const product = mcl.precomputedMillerLoop2mixed(hashed, aggregate, point, negatedGenerator);
  return mcl.finalExp(product).isOne();
}

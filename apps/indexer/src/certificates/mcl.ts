/**
 * The pairing check of checkpoint certificates with `mcl-wasm` (herumi's mcl compiled to
 * WebAssembly), about five times the speed of `@verity/checkpoints`' default `nobleBls`
 * (`@noble/curves`, pure JS): what the verifying thread (`worker.ts`) gives
 * `verifyCheckpointCertificate`. Same scheme: min-sig BLS12-381, 48-byte G1 signatures and
 * 96-byte G2 keys (ZCash/Ethereum serialization, subgroup checked), the message hashed to G1 by
 * RFC 9380 with {@link DST_G1}, and e(sig, G2 generator) == e(H(m), sum of the signers' keys).
 */
import { type BlsVerifier, CertificateError, type Committee } from "@verity/checkpoints";
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

/** The verifier once the wasm module is loaded (loaded once per thread). */
let loading: Promise<BlsVerifier> | undefined;

/**
 * The mcl-wasm {@link BlsVerifier}, after loading the wasm module for BLS12-381 with Sui's
 * conventions (ZCash/Ethereum serialization, subgroup checks, RFC 9380 hash-to-curve,
 * {@link DST_G1}) on the first call; a committee's keys are deserialized once per `Committee`
 * object. mcl's settings are global to the thread: do not use mcl-wasm otherwise in it.
 *
 * @throws Error when mcl refuses the curve or the DST
 */
export function mclBls(): Promise<BlsVerifier> {
  loading ??= load();
  return loading;
}

async function load(): Promise<BlsVerifier> {
  await mcl.init(mcl.BLS12_381);
  mcl.setETHserialization(true);
  mcl.verifyOrderG1(true);
  mcl.verifyOrderG2(true);
  mcl.setMapToMode(mcl.IRTF);
  const module = (mcl as unknown as { mod: McLModule }).mod;
  module.wrapInput(module._mclBnG1_setDst, 0)(DST_G1);
  const generator = new mcl.G2();
  generator.deserializeHexStr(G2_GENERATOR);
  const negatedGenerator: PrecomputedG2 = new mcl.PrecomputedG2(mcl.neg(generator));

  /** Each committee's keys as mcl G2 points, deserialized once (the one-off cost of an epoch). */
  const committeeKeys = new WeakMap<Committee, G2[]>();
  const keysOf = (committee: Committee): G2[] => {
    let keys = committeeKeys.get(committee);
    if (!keys) {
      keys = committee.members.map((member, i) => {
        const key = new mcl.G2();
        try {
          key.deserialize(member.publicKey);
        } catch (error) {
          throw new CertificateError(
            `committee member ${i}'s public key is not a G2 point: ${(error as Error).message}`,
          );
        }
        return key;
      });
      committeeKeys.set(committee, keys);
    }
    return keys;
  };

  return {
    verify(signature, message, signers, committee) {
      const keys = keysOf(committee);
      const aggregate = signers.reduce(
        (sum, index) => mcl.add(sum, keys[index] as G2),
        new mcl.G2(),
      );
      const point = new mcl.G1();
      point.deserialize(signature);
      const hashed = new mcl.G1();
      hashed.setHashOf(message);
      // e(H(m), key) · e(sig, −g2) == 1, with one final exponentiation
      const product = mcl.precomputedMillerLoop2mixed(hashed, aggregate, point, negatedGenerator);
      return mcl.finalExp(product).isOne();
    },
  };
}

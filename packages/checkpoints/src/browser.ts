/**
 * `@verity/checkpoints/browser`: what a browser needs to check proof bundles against a committee
 * it pins, and nothing that needs Node (the checkpoint stores read files and sockets). Pure
 * TypeScript over `@mysten/bcs`, `@noble/curves`, `@noble/hashes` and `zod`; the API bundles it
 * for its explorer (`/assets/verify.js`).
 */
export { type Committee, committeeFromBcs } from "./certificate/committee.ts";
export type { CertifiedCheckpoint } from "./certificate/verify.ts";
export {
  type ProofBundle,
  ProofBundleFormatError,
  ProofBundleJson,
  proofBundleFromJson,
} from "./proof/bundle.ts";
export {
  PROOF_STEPS,
  type ProofStep,
  type ProofStepName,
  type ProofVerdict,
  type ProvenEvent,
  verifyProofBundle,
} from "./proof/verify.ts";

/**
 * `@verity/sdk`: the TypeScript half of Verity's on-chain contract. BCS layouts of every
 * object and event of the `verity` Move package (`contracts/verity/<module>.ts`), PTB builders
 * for every entry point (`transactions.<module>`), attestation signing and Seal identities.
 */

export { createVerityClient, type VerityClient } from "./client.ts";
export { AttestationKind } from "./contracts/verity/attestation.ts";
export * from "./contracts/verity/index.ts";
export * as walrusEvents from "./contracts/walrus/events.ts";
export { sealIdentity } from "./seal.ts";
export {
  type AttestationPayloadInput,
  attestationMessage,
  INTENT_SCOPE,
  inferencePayload,
  signAttestation,
} from "./signing.ts";
export * as transactions from "./transactions/index.ts";

/**
 * `@verity/sdk`: the TypeScript half of Verity's on-chain contract. BCS layouts of every
 * object and event of the `verity` Move package (`contracts/verity/<module>.ts`), the JSON
 * shape of AI-use terms (`AiTermsJson`, `termsToJson`), the provenance graph's vocabulary
 * (`NODE_KINDS`, `EDGE_KINDS`, `provenance.ts`), PTB builders for every entry point
 * (`transactions.<module>`), attestation signing and Seal identities; also
 * the Sui networks by name and a full-node gRPC client that names an unreachable node
 * (`network.ts`).
 */

export { type apiTypes, createVerityClient, type VerityClient } from "./client.ts";
export {
  ATTESTATION_KIND_NAMES,
  AttestationKind,
  type AttestationKindName,
} from "./contracts/verity/attestation.ts";
export * from "./contracts/verity/index.ts";
export {
  type AiTermsInput,
  type AiTermsJson,
  type DecodedAiTerms,
  type DecodedPermission,
  PERMISSION_USES,
  type PermissionInput,
  type PermissionJson,
  type PermissionUse,
  permissionToBcs,
  permissionToJson,
  termsToBcs,
  termsToJson,
} from "./contracts/verity/terms-json.ts";
export * as walrusEvents from "./contracts/walrus/events.ts";
export {
  connectFullNode,
  type FullNodeOptions,
  NETWORK_NAMES,
  type NetworkName,
  NodeUnreachableError,
  resolveNetwork,
  type SuiNetwork,
} from "./network.ts";
export {
  EDGE_KINDS,
  type EdgeKind,
  NODE_KINDS,
  type NodeKind,
  POLICY_KINDS,
  type PolicyKind,
  PROV_TYPE_OF,
  PROV_TYPES,
  type ProvType,
} from "./provenance.ts";
export { sealIdentity } from "./seal.ts";
export {
  type AttestationPayloadInput,
  attestationMessage,
  type BlobDigestInput,
  INTENT_SCOPE,
  inferencePayload,
  type SignedFor,
  signAttestation,
  verifyAttestationSignature,
} from "./signing.ts";
export * as transactions from "./transactions/index.ts";
export { blobIdFromU256 } from "./walrus/u256.ts";

/** PTB builders, one namespace per Move module of the `verity` package. */
export * as allowlist from "./allowlist.ts";
export * as attestation from "./attestation.ts";
export * as attester from "./attester.ts";
export * as dataset from "./dataset.ts";
export * as enclave from "./enclave.ts";
export * as inference from "./inference.ts";
export * as model from "./model.ts";
export * as subscription from "./subscription.ts";
export * as terms from "./terms.ts";
export * as timelock from "./timelock.ts";

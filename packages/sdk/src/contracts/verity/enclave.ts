/**
 * BCS layouts of `verity::enclave` (move/verity/sources/enclave.move): the measurements of an
 * enclave image that Nitro-attested attesters are registered against.
 */
import { bcs } from "@mysten/sui/bcs";
import { Address, Bytes, ID, MoveString } from "./common.ts";

/** `verity::enclave::EnclaveConfig`: one enclave image's PCR0-2 (immutable object). */
export const EnclaveConfig = bcs.struct("EnclaveConfig", {
  id: ID,
  name: MoveString,
  /** `[PCR0, PCR1, PCR2]`, 48 bytes each (SHA-384) */
  pcrs: bcs.vector(Bytes),
});

/** `verity::enclave::EnclaveConfigCreated`: the admin published an enclave image's PCRs. */
export const EnclaveConfigCreated = bcs.struct("EnclaveConfigCreated", {
  config_id: ID,
  name: MoveString,
  pcrs: bcs.vector(Bytes),
  admin: Address,
  /** ms since the Unix epoch, from `0x6::clock::Clock` */
  timestamp_ms: bcs.u64(),
});

/**
 * `verity::enclave::EnclaveConfigRetired`: the admin retired an enclave image; no enclave
 * registers under it from then on.
 */
export const EnclaveConfigRetired = bcs.struct("EnclaveConfigRetired", {
  config_id: ID,
  admin: Address,
  /** ms since the Unix epoch, from `0x6::clock::Clock` */
  timestamp_ms: bcs.u64(),
});

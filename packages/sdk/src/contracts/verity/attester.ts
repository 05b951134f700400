/**
 * BCS layouts of `verity::attester` (move/verity/sources/attester.move): registered ed25519
 * keys (plain, or Nitro-attested enclaves) and the registry of every key ever held.
 */
import { bcs } from "@mysten/sui/bcs";
import { Address, Bytes, ID, MoveString, Table } from "./common.ts";

/** `verity::attester::AttesterRegistry`: every public key ever held (shared object). */
export const AttesterRegistry = bcs.struct("AttesterRegistry", {
  id: ID,
  /** the package version it was made or migrated by (`verity::version`) */
  version: bcs.u64(),
  /** public key -> attester id; the entries live in the table's dynamic fields */
  keys: Table,
});

/** `verity::attester::Attester`: a registered signing key (shared object). */
export const Attester = bcs.struct("Attester", {
  id: ID,
  /** the package version it was made or migrated by (`verity::version`) */
  version: bcs.u64(),
  name: MoveString,
  /** ed25519 public key, 32 bytes */
  public_key: Bytes,
  /** the `enclave::EnclaveConfig` of an enclave attester */
  enclave_config: bcs.option(ID),
  /** `[PCR0, PCR1, PCR2]`, 48 bytes each, or empty for a plain key */
  pcrs: bcs.vector(Bytes),
  key_version: bcs.u64(),
  revoked: bcs.bool(),
  /** blake2b-256 of every signed message recorded under it (replay protection) */
  recorded: Table,
});

/** `verity::attester::AttesterRegistered`: by the admin, or from an enclave's Nitro document. */
export const AttesterRegistered = bcs.struct("AttesterRegistered", {
  attester_id: ID,
  name: MoveString,
  public_key: Bytes,
  /** set for an enclave attester */
  enclave_config: bcs.option(ID),
  pcrs: bcs.vector(Bytes),
  /** the `AdminCap` holder, or whoever submitted the enclave's document */
  registrant: Address,
  timestamp_ms: bcs.u64(),
});

/** `verity::attester::AttesterKeyRotated`: signatures by `old_public_key` stop verifying. */
export const AttesterKeyRotated = bcs.struct("AttesterKeyRotated", {
  attester_id: ID,
  old_public_key: Bytes,
  new_public_key: Bytes,
  key_version: bcs.u64(),
  admin: Address,
  timestamp_ms: bcs.u64(),
});

/** `verity::attester::AttesterRevoked` */
export const AttesterRevoked = bcs.struct("AttesterRevoked", {
  attester_id: ID,
  public_key: Bytes,
  admin: Address,
  timestamp_ms: bcs.u64(),
});

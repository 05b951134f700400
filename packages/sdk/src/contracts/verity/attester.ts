/**
 * BCS layouts of `verity::attester` (move/verity/sources/attester.move): registered ed25519
 * keys and Nautilus-style enclaves.
 */
import { bcs } from "@mysten/sui/bcs";
import { Bytes, ID, MoveString } from "./common.ts";

/** `verity::attester::Attester`: a registered signing key (shared object). */
export const Attester = bcs.struct("Attester", {
  id: ID,
  name: MoveString,
  /** ed25519 public key, 32 bytes */
  public_key: Bytes,
  /** `[PCR0, PCR1, PCR2]`, 48 bytes each, or empty for a plain key */
  pcrs: bcs.vector(Bytes),
  key_version: bcs.u64(),
  revoked: bcs.bool(),
});

/** `verity::attester::AttesterRegistered` */
export const AttesterRegistered = bcs.struct("AttesterRegistered", {
  attester_id: ID,
  name: MoveString,
  public_key: Bytes,
  pcrs: bcs.vector(Bytes),
  admin: bcs.Address,
  timestamp_ms: bcs.u64(),
});

/** `verity::attester::AttesterKeyRotated`: signatures by `old_public_key` stop verifying. */
export const AttesterKeyRotated = bcs.struct("AttesterKeyRotated", {
  attester_id: ID,
  old_public_key: Bytes,
  new_public_key: Bytes,
  key_version: bcs.u64(),
  admin: bcs.Address,
  timestamp_ms: bcs.u64(),
});

/** `verity::attester::AttesterRevoked` */
export const AttesterRevoked = bcs.struct("AttesterRevoked", {
  attester_id: ID,
  public_key: Bytes,
  admin: bcs.Address,
  timestamp_ms: bcs.u64(),
});

/** Events of `verity::attester`, by struct name. */
export const events = { AttesterRegistered, AttesterKeyRotated, AttesterRevoked } as const;

/** Objects of `verity::attester`, by struct name. */
export const objects = { Attester } as const;

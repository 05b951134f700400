/**
 * PTB builders for `verity::attester`. Each appends one Move call to `tx` and returns its
 * result. `adminCap` is the `verity::attester::AdminCap` minted at publish (in the deploy
 * config's `objects`), owned by the caller.
 */
import type { Transaction, TransactionResult } from "@mysten/sui/transactions";

/** `attester::register`: registers and shares a plain ed25519 key (32 bytes); the result is its `ID`. */
export function register(
  tx: Transaction,
  packageId: string,
  adminCap: string,
  name: string,
  publicKey: Uint8Array,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attester::register`,
    arguments: [
      tx.object(adminCap),
      tx.pure.string(name),
      tx.pure.vector("u8", publicKey),
      tx.object.clock(),
    ],
  });
}

/**
 * `attester::register_enclave`: registers a Nautilus-style enclave key with its PCR0, PCR1 and
 * PCR2 measurements (48 bytes each); the result is its `ID`.
 */
export function registerEnclave(
  tx: Transaction,
  packageId: string,
  adminCap: string,
  name: string,
  publicKey: Uint8Array,
  pcrs: [Uint8Array, Uint8Array, Uint8Array],
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attester::register_enclave`,
    arguments: [
      tx.object(adminCap),
      tx.pure.string(name),
      tx.pure.vector("u8", publicKey),
      ...pcrs.map((pcr) => tx.pure.vector("u8", pcr)),
      tx.object.clock(),
    ],
  });
}

/** `attester::rotate_key`: replaces the attester's key; signatures by the old key stop verifying. */
export function rotateKey(
  tx: Transaction,
  packageId: string,
  adminCap: string,
  attester: string,
  newPublicKey: Uint8Array,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attester::rotate_key`,
    arguments: [
      tx.object(adminCap),
      tx.object(attester),
      tx.pure.vector("u8", newPublicKey),
      tx.object.clock(),
    ],
  });
}

/** `attester::revoke`: revokes the attester for good. */
export function revoke(
  tx: Transaction,
  packageId: string,
  adminCap: string,
  attester: string,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attester::revoke`,
    arguments: [tx.object(adminCap), tx.object(attester), tx.object.clock()],
  });
}

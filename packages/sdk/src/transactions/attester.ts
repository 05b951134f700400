/**
 * PTB builders for `verity::attester`. Each appends one Move call to `tx` and returns its
 * result. `adminCap` is the `verity::attester::AdminCap` minted at publish, owned by the
 * caller; `registry` is the shared `verity::attester::AttesterRegistry` made at publish (both
 * in the deploy config's `objects`: `adminCapId`, `attesterRegistryId`). Enclave attesters are
 * registered by anyone, from a Nitro document: `transactions.enclave.register`.
 */
import type {
  Transaction,
  TransactionObjectInput,
  TransactionResult,
} from "@mysten/sui/transactions";

/**
 * `attester::register`: registers and shares a plain ed25519 key (32 bytes) under `name`; the
 * result is the attester's `ID`. Aborts on chain with `EInvalidPublicKey`, `EEmptyName` or
 * `EKeyInUse` (the key is or was held by any attester).
 */
export function register(
  tx: Transaction,
  packageId: string,
  adminCap: TransactionObjectInput,
  registry: TransactionObjectInput,
  name: string,
  publicKey: Uint8Array,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attester::register`,
    arguments: [
      tx.object(adminCap),
      tx.object(registry),
      tx.pure.string(name),
      tx.pure.vector("u8", publicKey),
      tx.object.clock(),
    ],
  });
}

/**
 * `attester::rotate_key`: replaces a plain-key attester's key with `newPublicKey` (32 bytes,
 * never held by any attester); signatures by the old key stop verifying. Aborts on chain with
 * `ERevoked`, `EEnclaveKey` (enclave keys cannot be rotated), `EInvalidPublicKey` or
 * `EKeyInUse`.
 */
export function rotateKey(
  tx: Transaction,
  packageId: string,
  adminCap: TransactionObjectInput,
  registry: TransactionObjectInput,
  attester: TransactionObjectInput,
  newPublicKey: Uint8Array,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attester::rotate_key`,
    arguments: [
      tx.object(adminCap),
      tx.object(registry),
      tx.object(attester),
      tx.pure.vector("u8", newPublicKey),
      tx.object.clock(),
    ],
  });
}

/** `attester::revoke`: revokes the attester for good (aborts with `ERevoked` when already). */
export function revoke(
  tx: Transaction,
  packageId: string,
  adminCap: TransactionObjectInput,
  attester: TransactionObjectInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attester::revoke`,
    arguments: [tx.object(adminCap), tx.object(attester), tx.object.clock()],
  });
}

/**
 * `attester::migrate`: moves the attester to the package's current version after an upgrade
 * that bumped it (`version::ENotOlder` when it is there already). Call it on the new package.
 */
export function migrate(
  tx: Transaction,
  packageId: string,
  adminCap: TransactionObjectInput,
  attester: TransactionObjectInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attester::migrate`,
    arguments: [tx.object(adminCap), tx.object(attester)],
  });
}

/** `attester::migrate_registry`: as {@link migrate}, for the `AttesterRegistry`. */
export function migrateRegistry(
  tx: Transaction,
  packageId: string,
  adminCap: TransactionObjectInput,
  registry: TransactionObjectInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::attester::migrate_registry`,
    arguments: [tx.object(adminCap), tx.object(registry)],
  });
}

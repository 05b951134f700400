/**
 * PTB builders for `verity::timelock`, the Seal time-lock policy. Each appends one Move call to
 * `tx` and returns its result; the caller signs and executes. `packageId` is the published
 * `verity` package (from the deploy config).
 */
import type { Transaction, TransactionResult } from "@mysten/sui/transactions";

/**
 * `timelock::create`: creates and freezes a timelock that opens at `unlockMs` (ms since the
 * Unix epoch); the result is its `ID`.
 */
export function create(
  tx: Transaction,
  packageId: string,
  unlockMs: bigint | number,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::timelock::create`,
    arguments: [tx.pure.u64(unlockMs), tx.object.clock()],
  });
}

/**
 * `timelock::seal_approve`: the call a Seal key server dry-runs to decide whether to release
 * the key of `identity` (the timelock's 32-byte id followed by any nonce, without the package
 * id Seal prepends). It aborts until the unlock time.
 */
export function sealApprove(
  tx: Transaction,
  packageId: string,
  identity: Uint8Array,
  timelock: string,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::timelock::seal_approve`,
    arguments: [tx.pure.vector("u8", identity), tx.object(timelock), tx.object.clock()],
  });
}

/**
 * PTB builders for `verity::allowlist`, the Seal allowlist policy. Each appends one Move call
 * to `tx` and returns its result; the caller signs and executes. `packageId` is the published
 * `verity` package (from the deploy config).
 */
import type {
  Transaction,
  TransactionObjectInput,
  TransactionResult,
} from "@mysten/sui/transactions";

/**
 * `allowlist::create`: creates and shares an empty allowlist named `name`. The result is its
 * `Cap`, which the caller keeps (`tx.transferObjects([cap], owner)`).
 */
export function create(tx: Transaction, packageId: string, name: string): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::allowlist::create`,
    arguments: [tx.pure.string(name), tx.object.clock()],
  });
}

/** A membership change: `allowlist::add` or `allowlist::remove`. */
const membership =
  (fn: "add" | "remove") =>
  (
    tx: Transaction,
    packageId: string,
    allowlist: string,
    cap: TransactionObjectInput,
    member: string,
  ): TransactionResult =>
    tx.moveCall({
      target: `${packageId}::allowlist::${fn}`,
      arguments: [tx.object(allowlist), tx.object(cap), tx.pure.address(member), tx.object.clock()],
    });

/** `allowlist::add`: adds `member` to `allowlist` (object id) with its `cap` (id or PTB result). */
export const add = membership("add");

/** `allowlist::remove`: removes `member` from `allowlist`; their next key request is denied. */
export const remove = membership("remove");

/**
 * `allowlist::seal_approve`: the call a Seal key server dry-runs, as the requester, to decide
 * whether to release the key of `identity` (the allowlist's 32-byte id followed by any nonce,
 * without the package id Seal prepends). It aborts unless the sender is a member.
 */
export function sealApprove(
  tx: Transaction,
  packageId: string,
  identity: Uint8Array,
  allowlist: string,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::allowlist::seal_approve`,
    arguments: [tx.pure.vector("u8", identity), tx.object(allowlist)],
  });
}

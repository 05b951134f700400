/**
 * PTB builders for `verity::allowlist`, the Seal allowlist policy. Each appends one Move call
 * to `tx` and returns its result (`createWithMembers` appends the `new`, `add`, `share` flow);
 * the caller signs and executes. `packageId` is the published `verity` package (from the deploy
 * config).
 */
import type {
  Transaction,
  TransactionObjectArgument,
  TransactionObjectInput,
  TransactionResult,
} from "@mysten/sui/transactions";
import { isValidSuiAddress, normalizeSuiAddress } from "@mysten/sui/utils";

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

/**
 * `allowlist::new`: creates an empty allowlist named `name` without sharing it. The result is
 * `[allowlist, cap]`; `add` members with them, then `share(allowlist)` in the same PTB (the
 * transaction fails if the allowlist is left unshared) and keep the cap.
 */
function newAllowlist(tx: Transaction, packageId: string, name: string): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::allowlist::new`,
    arguments: [tx.pure.string(name), tx.object.clock()],
  });
}

export { newAllowlist as new };

/** `allowlist::share`: shares an allowlist made by `new` in the same PTB. */
export function share(
  tx: Transaction,
  packageId: string,
  allowlist: TransactionObjectArgument,
): TransactionResult {
  return tx.moveCall({ target: `${packageId}::allowlist::share`, arguments: [allowlist] });
}

/** A membership change: `allowlist::add` or `allowlist::remove`. */
const membership =
  (fn: "add" | "remove") =>
  (
    tx: Transaction,
    packageId: string,
    allowlist: TransactionObjectInput,
    cap: TransactionObjectInput,
    member: string,
  ): TransactionResult =>
    tx.moveCall({
      target: `${packageId}::allowlist::${fn}`,
      arguments: [tx.object(allowlist), tx.object(cap), tx.pure.address(member), tx.object.clock()],
    });

/**
 * `allowlist::add`: adds `member` (address) to `allowlist` with its `cap`; each is an object id
 * or a result earlier in the PTB (`new`).
 */
export const add = membership("add");

/** `allowlist::remove`: removes `member` from `allowlist`; their next key request is denied. */
export const remove = membership("remove");

/**
 * Creates an allowlist named `name` with `members` (Sui addresses) in one PTB: `new`, one `add`
 * per member, `share`. The result is its `Cap`, which the caller keeps
 * (`tx.transferObjects([cap], owner)`). Throws, leaving `tx` untouched, when a member is not a
 * Sui address or is listed twice (on chain, `add` would abort with `EAlreadyMember`).
 */
export function createWithMembers(
  tx: Transaction,
  packageId: string,
  name: string,
  members: string[],
): TransactionObjectArgument {
  const seen = new Set<string>();
  for (const member of members) {
    const address = normalizeSuiAddress(member);
    if (!isValidSuiAddress(address))
      throw new Error(`allowlist member ${member} is not a Sui address`);
    if (seen.has(address)) throw new Error(`allowlist member ${member} is listed twice`);
    seen.add(address);
  }
  const [allowlist, cap] = newAllowlist(tx, packageId, name);
  for (const member of seen) add(tx, packageId, allowlist!, cap!, member);
  share(tx, packageId, allowlist!);
  return cap!;
}

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

/**
 * `allowlist::migrate`: moves `allowlist` to the package's current version after an upgrade
 * that bumped it, with its `cap` (`EInvalidCap` for another allowlist's cap,
 * `version::ENotOlder` when it is there already). Call it on the new package.
 */
export function migrate(
  tx: Transaction,
  packageId: string,
  allowlist: TransactionObjectInput,
  cap: TransactionObjectInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::allowlist::migrate`,
    arguments: [tx.object(allowlist), tx.object(cap)],
  });
}

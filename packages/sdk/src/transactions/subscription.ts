/**
 * PTB builders for `verity::subscription`, the Seal paid-subscription policy. Each appends one
 * Move call to `tx` and returns its result; the caller signs and executes. `packageId` is the
 * published `verity` package (from the deploy config).
 */
import type {
  Transaction,
  TransactionObjectInput,
  TransactionResult,
} from "@mysten/sui/transactions";

/** Terms of a subscription service, fixed at creation. */
export interface ServiceTerms {
  name: string;
  /** price of one subscription, in MIST */
  feeMist: bigint | number;
  /** how long a subscription lasts, in ms (> 0; u64 max never expires) */
  ttlMs: bigint | number;
}

/**
 * `subscription::create`: creates and shares a service. The result is its `Cap`, which the
 * caller keeps (`tx.transferObjects([cap], owner)`).
 */
export function create(tx: Transaction, packageId: string, terms: ServiceTerms): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::subscription::create`,
    arguments: [
      tx.pure.string(terms.name),
      tx.pure.u64(terms.feeMist),
      tx.pure.u64(terms.ttlMs),
      tx.object.clock(),
    ],
  });
}

/**
 * `subscription::subscribe`: buys a subscription to `service` with `fee`, a `Coin<SUI>` of
 * exactly the service's fee (e.g. `tx.splitCoins(tx.gas, [feeMist])`). The result is the
 * `Subscription`; hand it to its owner with {@link transfer}.
 */
export function subscribe(
  tx: Transaction,
  packageId: string,
  service: string,
  fee: TransactionObjectInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::subscription::subscribe`,
    arguments: [tx.object(service), tx.object(fee), tx.object.clock()],
  });
}

/**
 * `subscription::transfer`: sends `subscription` (object id or PTB result) to `to`. A
 * `Subscription` has no `store`, so `tx.transferObjects` cannot move it.
 */
export function transfer(
  tx: Transaction,
  packageId: string,
  subscription: TransactionObjectInput,
  to: string,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::subscription::transfer`,
    arguments: [tx.object(subscription), tx.pure.address(to)],
  });
}

/**
 * `subscription::withdraw`: withdraws every fee `service` holds, with its `cap`. The result is
 * one `Coin<SUI>`, which the caller keeps (`tx.transferObjects([coin], owner)`).
 */
export function withdraw(
  tx: Transaction,
  packageId: string,
  service: string,
  cap: TransactionObjectInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::subscription::withdraw`,
    arguments: [tx.object(service), tx.object(cap), tx.object.clock()],
  });
}

/**
 * `subscription::seal_approve`: the call a Seal key server dry-runs, as the requester, to
 * decide whether to release the key of `identity` (the service's 32-byte id followed by any
 * nonce, without the package id Seal prepends). The requester must own `subscription`; it
 * aborts when the subscription is of another service or has expired.
 */
export function sealApprove(
  tx: Transaction,
  packageId: string,
  identity: Uint8Array,
  subscription: string,
  service: string,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::subscription::seal_approve`,
    arguments: [
      tx.pure.vector("u8", identity),
      tx.object(subscription),
      tx.object(service),
      tx.object.clock(),
    ],
  });
}

/**
 * `subscription::migrate`: moves `service` to the package's current version after an upgrade
 * that bumped it, with its `cap` (`EInvalidCap` for another service's cap,
 * `version::ENotOlder` when it is there already). Call it on the new package.
 */
export function migrate(
  tx: Transaction,
  packageId: string,
  service: TransactionObjectInput,
  cap: TransactionObjectInput,
): TransactionResult {
  return tx.moveCall({
    target: `${packageId}::subscription::migrate`,
    arguments: [tx.object(service), tx.object(cap)],
  });
}

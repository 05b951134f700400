/**
 * BCS layouts of `verity::subscription` (move/verity/sources/subscription.move): the `Service`
 * Seal policy, its `Cap`, the `Subscription` it sells and its events. Field order is the Move
 * declaration order.
 */
import { bcs } from "@mysten/sui/bcs";
import { Address, ID, MoveString } from "./common.ts";

/** `0x2::balance::Balance<0x2::sui::SUI>`: an amount in MIST. */
export const Balance = bcs.struct("Balance", {
  value: bcs.u64(),
});

/** `verity::subscription::Service`: sells expiring access for a fee (shared object). */
export const Service = bcs.struct("Service", {
  id: ID,
  /** the package version it was made or migrated by (`verity::version`) */
  version: bcs.u64(),
  name: MoveString,
  /** price of one subscription, in MIST */
  fee_mist: bcs.u64(),
  /** how long a subscription lasts, in ms; u64 max never expires */
  ttl_ms: bcs.u64(),
  /** fees paid and not yet withdrawn */
  balance: Balance,
});

/** `verity::subscription::Cap`: authority to withdraw one service's fees. */
export const Cap = bcs.struct("Cap", {
  id: ID,
  service_id: ID,
});

/** `verity::subscription::Subscription`: a paid subscription (owned object). */
export const Subscription = bcs.struct("Subscription", {
  id: ID,
  service_id: ID,
  /** who paid for it */
  subscriber: Address,
  /** ms since the Unix epoch */
  created_ms: bcs.u64(),
  /** ms since the Unix epoch; from then on it grants nothing */
  expires_ms: bcs.u64(),
});

/** `verity::subscription::ServiceCreated`: a service was created. */
export const ServiceCreated = bcs.struct("ServiceCreated", {
  service_id: ID,
  cap_id: ID,
  name: MoveString,
  /** MIST */
  fee_mist: bcs.u64(),
  /** ms */
  ttl_ms: bcs.u64(),
  creator: Address,
  /** ms since the Unix epoch, from `0x6::clock::Clock` */
  timestamp_ms: bcs.u64(),
});

/** `verity::subscription::Subscribed`: a subscription was bought. */
export const Subscribed = bcs.struct("Subscribed", {
  service_id: ID,
  subscription_id: ID,
  subscriber: Address,
  /** MIST paid */
  fee_mist: bcs.u64(),
  /** ms since the Unix epoch */
  expires_ms: bcs.u64(),
  timestamp_ms: bcs.u64(),
});

/** `verity::subscription::FeesWithdrawn`: the cap holder withdrew the accumulated fees. */
export const FeesWithdrawn = bcs.struct("FeesWithdrawn", {
  service_id: ID,
  /** MIST */
  amount_mist: bcs.u64(),
  recipient: Address,
  timestamp_ms: bcs.u64(),
});

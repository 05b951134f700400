/**
 * BCS layouts of `verity::timelock` (move/verity/sources/timelock.move): the `Timelock` Seal
 * policy and its event. Field order is the Move declaration order.
 */
import { bcs } from "@mysten/sui/bcs";
import { Address, ID } from "./common.ts";

/** `verity::timelock::Timelock`: anyone may decrypt from `unlock_ms` on (frozen object). */
export const Timelock = bcs.struct("Timelock", {
  id: ID,
  /** ms since the Unix epoch */
  unlock_ms: bcs.u64(),
  creator: Address,
});

/** `verity::timelock::TimelockCreated`: a timelock was created and frozen. */
export const TimelockCreated = bcs.struct("TimelockCreated", {
  timelock_id: ID,
  /** ms since the Unix epoch */
  unlock_ms: bcs.u64(),
  creator: Address,
  /** ms since the Unix epoch, from `0x6::clock::Clock` */
  timestamp_ms: bcs.u64(),
});

/**
 * BCS layouts of `verity::allowlist` (move/verity/sources/allowlist.move): the `Allowlist`
 * Seal policy, its `Cap` and its events. Field order is the Move declaration order.
 */
import { bcs } from "@mysten/sui/bcs";
import { Address, ID, MoveString, Table } from "./common.ts";

/** `verity::allowlist::Allowlist`: the addresses allowed to decrypt (shared object). */
export const Allowlist = bcs.struct("Allowlist", {
  id: ID,
  /** the package version it was made or migrated by (`verity::version`) */
  version: bcs.u64(),
  name: MoveString,
  /** members; the entries live in the table's dynamic fields */
  members: Table,
});

/** `verity::allowlist::Cap`: authority to add and remove members of one allowlist. */
export const Cap = bcs.struct("Cap", {
  id: ID,
  allowlist_id: ID,
});

/** `verity::allowlist::AllowlistCreated`: an allowlist was created. */
export const AllowlistCreated = bcs.struct("AllowlistCreated", {
  allowlist_id: ID,
  cap_id: ID,
  name: MoveString,
  creator: Address,
  /** ms since the Unix epoch, from `0x6::clock::Clock` */
  timestamp_ms: bcs.u64(),
});

/** `verity::allowlist::AllowlistMemberAdded`: the cap holder added a member. */
export const AllowlistMemberAdded = bcs.struct("AllowlistMemberAdded", {
  allowlist_id: ID,
  member: Address,
  admin: Address,
  timestamp_ms: bcs.u64(),
});

/** `verity::allowlist::AllowlistMemberRemoved`: the cap holder removed a member, denied from then on. */
export const AllowlistMemberRemoved = bcs.struct("AllowlistMemberRemoved", {
  allowlist_id: ID,
  member: Address,
  admin: Address,
  timestamp_ms: bcs.u64(),
});

/**
 * BCS layouts of Move events as a checkpoint carries them (`sui_types::event::Event`,
 * `sui_types::effects::TransactionEvents`), written from Sui's serde registry
 * (`sui-format.yaml`); `@mysten/sui/bcs` has neither.
 */
import { bcs } from "@mysten/bcs";
import type { Leaves } from "./leaves.ts";
import type { MoveLayouts } from "./move.ts";
import { stringLayout } from "./support.ts";

/** `TransactionEvents` and its `Event`, over `move`. */
export function eventLayouts<L extends Leaves>({ Address, StructTag }: MoveLayouts<L>) {
  /**
   * `Event`: one event emitted by a transaction. `packageId` and `transactionModule` name the
   * Move function that was called (not necessarily the event type's package: see
   * `type.address`), `sender` is the transaction's sender, `contents` the BCS of the event
   * struct.
   */
  const Event = bcs.struct("Event", {
    packageId: Address,
    transactionModule: stringLayout(),
    sender: Address,
    type: StructTag,
    contents: bcs.byteVector(),
  });

  /** `TransactionEvents`: a transaction's events in emission order. */
  const TransactionEvents = bcs.struct("TransactionEvents", { data: bcs.vector(Event) });

  return { TransactionEvents };
}

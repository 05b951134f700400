/**
 * BCS layouts of Move events as a checkpoint carries them (`sui_types::event::Event`,
 * `sui_types::effects::TransactionEvents`), written from Sui's serde registry
 * (`sui-format.yaml`); `@mysten/sui/bcs` has neither. Reuses its `Address` and `StructTag`.
 */
import { bcs } from "@mysten/sui/bcs";

/**
 * `Event`: one event emitted by a transaction. `packageId` and `transactionModule` name the
 * Move function that was called (not necessarily the event type's package: see `type.address`),
 * `sender` is the transaction's sender, `contents` the BCS of the event struct.
 */
export const Event = bcs.struct("Event", {
  packageId: bcs.Address,
  transactionModule: bcs.string(),
  sender: bcs.Address,
  type: bcs.StructTag,
  contents: bcs.byteVector(),
});

/** `TransactionEvents`: a transaction's events in emission order. */
export const TransactionEvents = bcs.struct("TransactionEvents", { data: bcs.vector(Event) });

/**
 * BCS layouts of programmable transactions and the transaction's gas and expiration
 * (`sui_types::transaction`), as `@mysten/sui/bcs` has them except for `ObjectArg`: its
 * shared-object `mutable: bool` is the registry's three-valued `SharedObjectMutability`
 * (`sui-format.yaml`), and so `CallArg` and `ProgrammableTransaction` differ too. Field names
 * are `@mysten/sui`'s (the registry's, in camelCase); u64s decode as decimal strings, byte
 * vectors (pure inputs, modules) as bytes, addresses, object ids and digests as the family's
 * leaves do.
 */
import { bcs } from "@mysten/bcs";
import type { Leaves } from "./leaves.ts";
import type { MoveLayouts } from "./move.ts";
import { enumLayout, stringLayout } from "./support.ts";

/** `ProgrammableTransaction`, `GasData` and `TransactionExpiration`, over `move`. */
export function programmableLayouts<L extends Leaves>(move: MoveLayouts<L>) {
  const { Address, Digest, ObjectRef, TypeTag } = move;

  const SharedObjectMutability = enumLayout("SharedObjectMutability", {
    Immutable: null,
    Mutable: null,
    NonExclusiveWrite: null,
  });

  /** `ObjectArg`: an object input of a programmable transaction. */
  const ObjectArg = enumLayout("ObjectArg", {
    ImmOrOwnedObject: ObjectRef,
    SharedObject: bcs.struct("SharedObject", {
      objectId: Address,
      initialSharedVersion: bcs.u64(),
      mutability: SharedObjectMutability,
    }),
    Receiving: ObjectRef,
  });

  const FundsWithdrawalArg = bcs.struct("FundsWithdrawalArg", {
    reservation: enumLayout("Reservation", { MaxAmountU64: bcs.u64() }),
    typeArg: enumLayout("WithdrawalTypeArg", { Balance: TypeTag }),
    withdrawFrom: enumLayout("WithdrawFrom", { Sender: null, Sponsor: null }),
  });

  /** `CallArg`: an input of a programmable transaction (pure bytes, an object, a withdrawal). */
  const CallArg = enumLayout("CallArg", {
    Pure: bcs.byteVector(),
    Object: ObjectArg,
    FundsWithdrawal: FundsWithdrawalArg,
  });

  /** `Argument`: the gas coin, an input, or (a part of) a command's result. */
  const Argument = enumLayout("Argument", {
    GasCoin: null,
    Input: bcs.u16(),
    Result: bcs.u16(),
    NestedResult: bcs.tuple([bcs.u16(), bcs.u16()]),
  });

  /** `Command`: one step of a programmable transaction. */
  const Command = enumLayout("Command", {
    MoveCall: bcs.struct("ProgrammableMoveCall", {
      package: Address,
      module: stringLayout(),
      function: stringLayout(),
      typeArguments: bcs.vector(TypeTag),
      arguments: bcs.vector(Argument),
    }),
    TransferObjects: bcs.struct("TransferObjects", {
      objects: bcs.vector(Argument),
      address: Argument,
    }),
    SplitCoins: bcs.struct("SplitCoins", { coin: Argument, amounts: bcs.vector(Argument) }),
    MergeCoins: bcs.struct("MergeCoins", {
      destination: Argument,
      sources: bcs.vector(Argument),
    }),
    Publish: bcs.struct("Publish", {
      modules: bcs.vector(bcs.byteVector()),
      dependencies: bcs.vector(Address),
    }),
    MakeMoveVec: bcs.struct("MakeMoveVec", {
      type: bcs.option(TypeTag),
      elements: bcs.vector(Argument),
    }),
    Upgrade: bcs.struct("Upgrade", {
      modules: bcs.vector(bcs.byteVector()),
      dependencies: bcs.vector(Address),
      package: Address,
      ticket: Argument,
    }),
  });

  /** `ProgrammableTransaction`: inputs and the commands that use them. */
  const ProgrammableTransaction = bcs.struct("ProgrammableTransaction", {
    inputs: bcs.vector(CallArg),
    commands: bcs.vector(Command),
  });

  /** `GasData`: the coins that pay for gas, their owner, the price and the budget. */
  const GasData = bcs.struct("GasData", {
    payment: bcs.vector(ObjectRef),
    owner: Address,
    price: bcs.u64(),
    budget: bcs.u64(),
  });

  const validity = {
    minEpoch: bcs.option(bcs.u64()),
    maxEpoch: bcs.option(bcs.u64()),
    minTimestamp: bcs.option(bcs.u64()),
    maxTimestamp: bcs.option(bcs.u64()),
    chain: Digest,
    nonce: bcs.u32(),
  };

  /** `TransactionExpiration`: when a transaction may no longer execute. */
  const TransactionExpiration = enumLayout("TransactionExpiration", {
    None: null,
    Epoch: bcs.u64(),
    ValidDuring: bcs.struct("ValidDuring", validity),
    Validity: bcs.struct("Validity", {
      ...validity,
      allowedProposers: bcs.option(
        bcs.struct("AllowedProposers", { epoch: bcs.u64(), proposers: bcs.vector(bcs.u32()) }),
      ),
    }),
  });

  return { ProgrammableTransaction, GasData, TransactionExpiration };
}

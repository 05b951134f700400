/**
 * BCS layouts of Sui objects as a checkpoint carries them (`sui_types::object`), written from
 * Sui's serde registry (`sui-format.yaml`: `Owner`, `MoveObjectType_`, `MoveObject`, `Data`,
 * `Object`). `@mysten/sui/bcs` has these types, but its `Owner` lacks `Party` and its
 * `MoveObjectType` lacks `BalanceAccumulatorField`, so they are mirrored here; its `StructTag`,
 * `TypeTag`, `MovePackage` and `Address` are reused as they are. Field names are the registry's,
 * in camelCase as `@mysten/sui/bcs` spells them; u64s decode as decimal strings, addresses and
 * object ids as 0x + 64 hex, digests as base58.
 */
import { bcs } from "@mysten/sui/bcs";

/** `RawPartySerde`: the permissions of a party-owned object. */
const PartyPermissions = bcs.struct("RawPartySerde", {
  defaultPermissions: bcs.u64(),
  members: bcs.vector(bcs.tuple([bcs.Address, bcs.u64()])),
});

/** `Owner`: who may use an object. */
export const Owner = bcs.enum("Owner", {
  AddressOwner: bcs.Address,
  ObjectOwner: bcs.Address,
  Shared: bcs.struct("Shared", { initialSharedVersion: bcs.u64() }),
  Immutable: null,
  ConsensusAddressOwner: bcs.struct("ConsensusAddressOwner", {
    startVersion: bcs.u64(),
    owner: bcs.Address,
  }),
  Party: bcs.struct("Party", { startVersion: bcs.u64(), permissions: PartyPermissions }),
});

/** `MoveObjectType_`: the type of a Move object, with short forms for the common ones. */
export const MoveObjectType = bcs.enum("MoveObjectType", {
  Other: bcs.StructTag,
  GasCoin: null,
  StakedSui: null,
  Coin: bcs.TypeTag,
  SuiBalanceAccumulatorField: null,
  BalanceAccumulatorField: bcs.TypeTag,
});

/** `MoveObject`: a Move value stored as an object; `contents` is its BCS (starting with its id). */
export const MoveObject = bcs.struct("MoveObject", {
  type: MoveObjectType,
  hasPublicTransfer: bcs.bool(),
  version: bcs.u64(),
  contents: bcs.byteVector(),
});

/** `Data`: a Move object or a package. */
export const ObjectData = bcs.enum("Data", { Move: MoveObject, Package: bcs.MovePackage });

/** `Object`: an object version, as in a checkpoint's input and output objects. */
export const SuiObject = bcs.struct("Object", {
  data: ObjectData,
  owner: Owner,
  previousTransaction: bcs.ObjectDigest,
  storageRebate: bcs.u64(),
});

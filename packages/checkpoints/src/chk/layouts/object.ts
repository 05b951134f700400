/**
 * BCS layouts of Sui objects as a checkpoint carries them (`sui_types::object`,
 * `sui_types::move_package`), written from Sui's serde registry (`sui-format.yaml`: `Owner`,
 * `MoveObjectType_`, `MoveObject`, `MovePackage`, `Data`, `Object`). `@mysten/sui/bcs` lacks
 * `Owner::Party` and `MoveObjectType_::BalanceAccumulatorField`. Field names are the registry's,
 * in camelCase as `@mysten/sui/bcs` spells them; u64s decode as decimal strings, addresses,
 * object ids and digests as the family's leaves do.
 */
import { bcs } from "@mysten/bcs";
import type { Leaves } from "./leaves.ts";
import type { MoveLayouts } from "./move.ts";
import { enumLayout, stringLayout } from "./support.ts";

/** `Owner`, `Object` and the types inside it, over `move`. */
export function objectLayouts<L extends Leaves>(move: MoveLayouts<L>) {
  const { Address, Digest, StructTag, TypeTag } = move;

  /** `RawPartySerde`: the permissions of a party-owned object. */
  const PartyPermissions = bcs.struct("RawPartySerde", {
    defaultPermissions: bcs.u64(),
    members: bcs.vector(bcs.tuple([Address, bcs.u64()])),
  });

  /** `Owner`: who may use an object. */
  const Owner = enumLayout("Owner", {
    AddressOwner: Address,
    ObjectOwner: Address,
    Shared: bcs.struct("Shared", { initialSharedVersion: bcs.u64() }),
    Immutable: null,
    ConsensusAddressOwner: bcs.struct("ConsensusAddressOwner", {
      startVersion: bcs.u64(),
      owner: Address,
    }),
    Party: bcs.struct("Party", { startVersion: bcs.u64(), permissions: PartyPermissions }),
  });

  /** `MoveObjectType_`: the type of a Move object, with short forms for the common ones. */
  const MoveObjectType = enumLayout("MoveObjectType", {
    Other: StructTag,
    GasCoin: null,
    StakedSui: null,
    Coin: TypeTag,
    SuiBalanceAccumulatorField: null,
    BalanceAccumulatorField: TypeTag,
  });

  /** `MoveObject`: a Move value stored as an object; `contents` is its BCS (its id first). */
  const MoveObject = bcs.struct("MoveObject", {
    type: MoveObjectType,
    hasPublicTransfer: bcs.bool(),
    version: bcs.u64(),
    contents: bcs.byteVector(),
  });

  /** `MovePackage`: a package's modules and where its types and dependencies come from. */
  const MovePackage = bcs.struct("MovePackage", {
    id: Address,
    version: bcs.u64(),
    moduleMap: bcs.map(stringLayout(), bcs.byteVector()),
    typeOriginTable: bcs.vector(
      bcs.struct("TypeOrigin", {
        moduleName: stringLayout(),
        datatypeName: stringLayout(),
        package: Address,
      }),
    ),
    linkageTable: bcs.map(
      Address,
      bcs.struct("UpgradeInfo", { upgradedId: Address, upgradedVersion: bcs.u64() }),
    ),
  });

  /** `Data`: a Move object or a package. */
  const ObjectData = enumLayout("Data", { Move: MoveObject, Package: MovePackage });

  /** `Object`: an object version, as in a checkpoint's input and output objects. */
  const SuiObject = bcs.struct("Object", {
    data: ObjectData,
    owner: Owner,
    previousTransaction: Digest,
    storageRebate: bcs.u64(),
  });

  return { ...move, Owner, ObjectData, SuiObject };
}

/** The layouts of `objectLayouts` (with those of `moveLayouts`). */
export type ObjectLayouts<L extends Leaves> = ReturnType<typeof objectLayouts<L>>;

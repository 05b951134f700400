/**
 * BCS layouts of Move types and object references (`move_core_types::language_storage`,
 * `sui_types::base_types::ObjectRef`), as `@mysten/sui/bcs` has them, built on a family's
 * leaves. Unlike `@mysten/sui`'s `TypeTag`, which prints the type, a type tag decodes to its
 * tree (`{ vector: …, $kind: "vector" }`), as struct type parameters always did.
 */
import { type BcsType, bcs } from "@mysten/bcs";
import type { Leaves } from "./leaves.ts";
import { enumLayout, stringLayout } from "./support.ts";

/** A Move struct type, `address::module::name<typeParams>`, with addresses as `A`. */
export interface StructTag<A> {
  address: A;
  module: string;
  name: string;
  typeParams: TypeTag<A>[];
}

type PrimitiveType = "bool" | "u8" | "u64" | "u128" | "address" | "signer" | "u16" | "u32" | "u256";

/** A Move type; a primitive decodes as `{ u64: true, $kind: "u64" }`. */
export type TypeTag<A> =
  | { [K in PrimitiveType]: { [P in K]: true } & { $kind: K } }[PrimitiveType]
  | { vector: TypeTag<A>; $kind: "vector" }
  | { struct: StructTag<A>; $kind: "struct" };

/** What `TypeTag` layouts write (`@mysten/bcs` enum input: one key, `$kind` optional). */
type TypeTagInput<AIn> =
  | { [K in PrimitiveType]: { [P in K]: boolean | object | null } }[PrimitiveType]
  | { vector: TypeTagInput<AIn> }
  | { struct: StructTagInput<AIn> };

/** What `StructTag` layouts write. */
export interface StructTagInput<AIn> {
  address: AIn;
  module: string;
  name: string;
  typeParams: Iterable<TypeTagInput<AIn>> & { length: number };
}

/** The address type of a family's leaves. */
export type AddressOf<L extends Leaves> = L["Address"]["$inferType"];

/** `TypeTag`, `StructTag` and `ObjectRef` (id, version, digest) over `leaves`. */
export function moveLayouts<L extends Leaves>(leaves: L) {
  type A = AddressOf<L>;
  type AIn = L["Address"]["$inferInput"];
  // Typed as `L`'s own layouts (a plain `leaves.Address` would widen to the bound, `any`).
  const Address: L["Address"] = leaves.Address;
  const Digest: L["Digest"] = leaves.Digest;
  const TypeTag: BcsType<TypeTag<A>, TypeTagInput<AIn>> = enumLayout("TypeTag", {
    bool: null,
    u8: null,
    u64: null,
    u128: null,
    address: null,
    signer: null,
    vector: bcs.lazy(() => TypeTag),
    struct: bcs.lazy(() => StructTag),
    u16: null,
    u32: null,
    u256: null,
  });
  const StructTag: BcsType<StructTag<A>, StructTagInput<AIn>> = bcs.struct("StructTag", {
    address: Address,
    module: stringLayout(),
    name: stringLayout(),
    typeParams: bcs.vector(TypeTag),
  });
  const ObjectRef = bcs.struct("SuiObjectRef", {
    objectId: Address,
    version: bcs.u64(),
    digest: Digest,
  });
  return { Address, Digest, TypeTag, StructTag, ObjectRef };
}

/** The layouts of `moveLayouts` (with the leaves). */
export type MoveLayouts<L extends Leaves> = ReturnType<typeof moveLayouts<L>>;

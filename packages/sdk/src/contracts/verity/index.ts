/**
 * Every BCS layout of the `verity` Move package, one file per Move module (as the Move tree
 * reads), and the registries of its events (which the indexer decodes with) and objects, by
 * type.
 */
import type { BcsReader } from "@mysten/bcs";
import * as allowlist from "./allowlist.ts";
import * as attestation from "./attestation.ts";
import * as attester from "./attester.ts";
import * as dataset from "./dataset.ts";
import * as enclave from "./enclave.ts";
import * as inference from "./inference.ts";
import * as model from "./model.ts";
import * as subscription from "./subscription.ts";
import * as terms from "./terms.ts";
import * as timelock from "./timelock.ts";

export {
  allowlist,
  attestation,
  attester,
  dataset,
  enclave,
  inference,
  model,
  subscription,
  terms,
  timelock,
};

/**
 * Events of the `verity` package by type (`module::Struct`: a Move event type
 * `0x<package>::<module>::<Struct>` after the package id): their BCS layouts.
 */
const eventLayouts = {
  "allowlist::AllowlistCreated": allowlist.AllowlistCreated,
  "allowlist::AllowlistMemberAdded": allowlist.AllowlistMemberAdded,
  "allowlist::AllowlistMemberRemoved": allowlist.AllowlistMemberRemoved,
  "attestation::AttestationRecorded": attestation.AttestationRecorded,
  "attester::AttesterRegistered": attester.AttesterRegistered,
  "attester::AttesterKeyRotated": attester.AttesterKeyRotated,
  "attester::AttesterRevoked": attester.AttesterRevoked,
  "dataset::DatasetRegistered": dataset.DatasetRegistered,
  "dataset::DatasetRetracted": dataset.DatasetRetracted,
  "dataset::DatasetPolicySet": dataset.DatasetPolicySet,
  "dataset::DatasetTermsSet": dataset.DatasetTermsSet,
  "enclave::EnclaveConfigCreated": enclave.EnclaveConfigCreated,
  "enclave::EnclaveConfigRetired": enclave.EnclaveConfigRetired,
  "inference::InferenceRecorded": inference.InferenceRecorded,
  "model::ModelRegistered": model.ModelRegistered,
  "subscription::ServiceCreated": subscription.ServiceCreated,
  "subscription::Subscribed": subscription.Subscribed,
  "subscription::FeesWithdrawn": subscription.FeesWithdrawn,
  "timelock::TimelockCreated": timelock.TimelockCreated,
} as const;

/**
 * Objects of the `verity` package by type (`module::Struct`): the BCS layouts of their
 * `bcs::to_bytes`, the `contents` of a Move object in a checkpoint.
 */
const objectLayouts = {
  "allowlist::Allowlist": allowlist.Allowlist,
  "allowlist::Cap": allowlist.Cap,
  "attestation::Attestation": attestation.Attestation,
  "attester::Attester": attester.Attester,
  "attester::AttesterRegistry": attester.AttesterRegistry,
  "dataset::Dataset": dataset.Dataset,
  "enclave::EnclaveConfig": enclave.EnclaveConfig,
  "inference::Inference": inference.Inference,
  "model::Model": model.Model,
  "subscription::Service": subscription.Service,
  "subscription::Cap": subscription.Cap,
  "subscription::Subscription": subscription.Subscription,
  "timelock::Timelock": timelock.Timelock,
} as const;

/** A `verity` event type, as `module::Struct` (e.g. `dataset::DatasetRegistered`). */
export type VerityEventName = keyof typeof eventLayouts;

/**
 * The decoded value of each `verity` event, by type: the shapes `@mysten/bcs` decodes to (ids
 * and addresses as 0x hex, u64 and u256 as decimal strings, byte vectors as `Uint8Array`).
 */
export type VerityEventValues = {
  [N in VerityEventName]: (typeof eventLayouts)[N]["$inferType"];
};

/** What each `verity` event's layout encodes, by type (`@mysten/bcs` input shapes). */
export type VerityEventInputs = {
  [N in VerityEventName]: (typeof eventLayouts)[N]["$inferInput"];
};

/** A `verity` object type, as `module::Struct` (e.g. `dataset::Dataset`). */
export type VerityObjectName = keyof typeof objectLayouts;

/** The decoded value of each `verity` object, by type (shapes as `VerityEventValues`). */
export type VerityObjectValues = {
  [N in VerityObjectName]: (typeof objectLayouts)[N]["$inferType"];
};

/** What each `verity` object's layout encodes, by type. */
export type VerityObjectInputs = {
  [N in VerityObjectName]: (typeof objectLayouts)[N]["$inferInput"];
};

/**
 * What decoding needs of a BCS layout whose values are `T` (`Input`: what it encodes, by
 * default nothing known): its struct name, a parser and an encoder.
 */
export interface Layout<T = unknown, Input = never> {
  readonly name: string;
  /** Decodes BCS bytes; throws on bytes that do not fit the layout (ignores trailing bytes). */
  parse(bytes: Uint8Array): T;
  /** Reads one value at the reader's position (which moves past it). */
  read(reader: BcsReader): T;
  /** Encodes a value `parse` returned (or any value of the layout's input shape). */
  serialize(value: Input): { toBytes(): Uint8Array };
}

/**
 * Layouts by name, each with its own value and input types: for a generic name `N`, reading
 * with the layout of `N` gives a `Values[N]`, which a table of handlers typed per name with the
 * same `Values` takes without a cast (see `verityEvents`).
 */
export type LayoutsByName<Values, Inputs extends Record<keyof Values, unknown>> = {
  readonly [N in keyof Values]: Layout<Values[N], Inputs[N]>;
};

/**
 * The BCS layout of every `verity` event, by type. Typed per type, so that for a generic
 * `N extends VerityEventName`, `verityEvents[name].read(...)` is a `VerityEventValues[N]`: a
 * table of handlers typed `{ [N in VerityEventName]: (value: VerityEventValues[N]) => ... }`
 * takes it without a cast.
 */
export const verityEvents: LayoutsByName<VerityEventValues, VerityEventInputs> = eventLayouts;

/** The BCS layout of every `verity` object, by type (typed as `verityEvents`). */
export const verityObjects: LayoutsByName<VerityObjectValues, VerityObjectInputs> = objectLayouts;

/**
 * Whether `type` (`module::Struct`, the part of a Move event type after the package id) is an
 * event of the `verity` package (the indexer quarantines the others).
 */
export function isVerityEventName(type: string): type is VerityEventName {
  return Object.hasOwn(verityEvents, type);
}

/** Whether `type` (`module::Struct`) is an object of the `verity` package. */
export function isVerityObjectName(type: string): type is VerityObjectName {
  return Object.hasOwn(verityObjects, type);
}

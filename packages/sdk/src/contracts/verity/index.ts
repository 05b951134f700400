/**
 * Every BCS layout of the `verity` Move package, one file per Move module (as the Move tree
 * reads), and the registry of its events that the indexer decodes with.
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

/** Events of the `verity` package: module name -> struct name -> BCS layout. */
export const verityEvents = {
  allowlist: allowlist.events,
  attestation: attestation.events,
  attester: attester.events,
  dataset: dataset.events,
  enclave: enclave.events,
  inference: inference.events,
  model: model.events,
  subscription: subscription.events,
  timelock: timelock.events,
} as const;

/** Objects of the `verity` package: module name -> struct name -> BCS layout. */
export const verityObjects = {
  allowlist: allowlist.objects,
  attestation: attestation.objects,
  attester: attester.objects,
  dataset: dataset.objects,
  enclave: enclave.objects,
  inference: inference.objects,
  model: model.objects,
  subscription: subscription.objects,
  timelock: timelock.objects,
} as const;

/** A `verity` event type, as `module::Struct` (e.g. `dataset::DatasetRegistered`). */
export type VerityEventName = {
  [M in keyof typeof verityEvents]: `${M}::${keyof (typeof verityEvents)[M] & string}`;
}[keyof typeof verityEvents];

/** What decoding needs of a BCS layout: its struct name and a parser. */
export interface Layout {
  readonly name: string;
  /** Decodes BCS bytes; throws on bytes that do not fit the layout (ignores trailing bytes). */
  parse(bytes: Uint8Array): unknown;
  /** Reads one value at the reader's position (which moves past it). */
  read(reader: BcsReader): unknown;
  /** Encodes a value `parse` returned (or any value of the layout's input shape). */
  serialize(value: never): { toBytes(): Uint8Array };
}

/**
 * The BCS layout of a `verity` event, from its module and struct name (the parts of a Move
 * event type `0x<package>::<module>::<Struct>` after the package id).
 *
 * @returns undefined when the package has no such event (the indexer quarantines those)
 */
export function eventLayout(module: string, struct: string): Layout | undefined {
  return lookup(verityEvents, module, struct);
}

/**
 * The BCS layout of a `verity` object (its `bcs::to_bytes`, the `contents` of a Move object in
 * a checkpoint), from its module and struct name.
 *
 * @returns undefined when the package has no such object
 */
export function objectLayout(module: string, struct: string): Layout | undefined {
  return lookup(verityObjects, module, struct);
}

function lookup(registry: Record<string, Record<string, Layout>>, module: string, struct: string) {
  return Object.hasOwn(registry, module) && Object.hasOwn(registry[module]!, struct)
    ? registry[module]![struct]
    : undefined;
}

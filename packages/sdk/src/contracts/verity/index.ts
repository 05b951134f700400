/**
 * Every BCS layout of the `verity` Move package, one file per Move module (as the Move tree
 * reads), and the registry of its events that the indexer decodes with.
 */
import * as allowlist from "./allowlist.ts";
import * as attestation from "./attestation.ts";
import * as attester from "./attester.ts";
import * as dataset from "./dataset.ts";
import * as inference from "./inference.ts";
import * as model from "./model.ts";
import * as subscription from "./subscription.ts";
import * as timelock from "./timelock.ts";

export { allowlist, attestation, attester, dataset, inference, model, subscription, timelock };

/** Events of the `verity` package: module name -> struct name -> BCS layout. */
export const verityEvents = {
  allowlist: allowlist.events,
  attestation: attestation.events,
  attester: attester.events,
  dataset: dataset.events,
  inference: inference.events,
  model: model.events,
  subscription: subscription.events,
  timelock: timelock.events,
} as const;

/** A `verity` event type, as `module::Struct` (e.g. `dataset::DatasetRegistered`). */
export type VerityEventName = {
  [M in keyof typeof verityEvents]: `${M}::${keyof (typeof verityEvents)[M] & string}`;
}[keyof typeof verityEvents];

/** What decoding needs of an event's BCS layout: its struct name and a parser. */
export interface EventLayout {
  readonly name: string;
  /** Decodes the event's BCS bytes; throws on bytes that do not fit the layout. */
  parse(bytes: Uint8Array): unknown;
}

/**
 * The BCS layout of a `verity` event, from its module and struct name (the parts of a Move
 * event type `0x<package>::<module>::<Struct>` after the package id).
 *
 * @returns undefined when the package has no such event (the indexer quarantines those)
 */
export function eventLayout(module: string, struct: string): EventLayout | undefined {
  const events: Record<string, Record<string, EventLayout>> = verityEvents;
  return Object.hasOwn(events, module) && Object.hasOwn(events[module]!, struct)
    ? events[module]![struct]
    : undefined;
}

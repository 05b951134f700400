import { readFile } from "node:fs/promises";
import { toHex } from "@mysten/sui/utils";
import {
  type CheckpointData,
  type CheckpointEvent,
  checkpointFromData,
  decodeCheckpointData,
} from "@verity/checkpoints";
import { isVerityEventName, type Layout, verityEvents, walrusEvents } from "@verity/sdk";

/** `verity inspect`'s options. */
export interface InspectOptions {
  eventsOnly?: boolean;
  package?: string;
}

/** `verity inspect`'s work: decode `file`, print it as JSON on stdout. */
export async function inspect(file: string, options: InspectOptions) {
  const data = decodeCheckpointData(new Uint8Array(await readFile(file)), file);
  const view = inspectCheckpoint(data, file, options.package);
  const output = options.eventsOnly ? view.transactions.flatMap((tx) => tx.events) : view;
  console.log(JSON.stringify(output, jsonValue, 2));
}

/** What `inspect` prints of a checkpoint (before JSON encoding). */
function inspectCheckpoint(data: CheckpointData, file: string, verityPackage?: string) {
  const checkpoint = checkpointFromData(data, file);
  const summary = data.checkpointSummary.data.value;
  return {
    checkpoint: {
      sequenceNumber: checkpoint.sequenceNumber,
      digest: checkpoint.digest,
      previousDigest: summary.previousDigest,
      epoch: checkpoint.epoch,
      timestampMs: checkpoint.timestampMs,
      time: new Date(Number(checkpoint.timestampMs)).toISOString(),
      endOfEpoch: summary.endOfEpochData !== null,
      networkTotalTransactions: summary.networkTotalTransactions,
      transactions: checkpoint.transactions.length,
      events: checkpoint.transactions.reduce((sum, tx) => sum + tx.events.length, 0),
    },
    transactions: checkpoint.transactions.map((tx, i) => {
      const raw = data.transactions[i]!;
      const effects =
        raw.effects.value.$kind === "V1" ? raw.effects.value.V1 : raw.effects.value.V2;
      return {
        digest: tx.digest,
        sender: raw.transaction.data[0]!.intentMessage.value.value.V1.sender,
        kind: raw.transaction.data[0]!.intentMessage.value.value.V1.kind.$kind,
        status: effects.status.$kind,
        events: tx.events.map((event, eventIndex) => ({
          transactionDigest: tx.digest,
          eventIndex,
          type: event.type,
          sender: event.sender,
          ...decodedContents(event, verityPackage),
        })),
      };
    }),
  };
}

const WALRUS_PACKAGES: readonly string[] = Object.values(walrusEvents.WALRUS_PACKAGE_IDS);

/** The layout `@verity/sdk` has for an event, if any. */
function layoutOf(event: CheckpointEvent, verityPackage?: string): Layout | undefined {
  if (WALRUS_PACKAGES.includes(event.packageId) && event.module === "events") {
    const { events, isWalrusEventName } = walrusEvents;
    return isWalrusEventName(event.struct) ? events[event.struct] : undefined;
  }
  const type = `${event.module}::${event.struct}`;
  return event.packageId === verityPackage && isVerityEventName(type)
    ? verityEvents[type]
    : undefined;
}

/** `{ decoded }` when the event's layout is known and fits, else `{ contents }` (0x-hex). */
function decodedContents(event: CheckpointEvent, verityPackage?: string) {
  const contents = `0x${toHex(event.contents)}`;
  const layout = layoutOf(event, verityPackage);
  if (!layout) return { contents };
  try {
    return { decoded: layout.parse(event.contents) };
  } catch (error) {
    return { contents, decodeError: error instanceof Error ? error.message : String(error) };
  }
}

/** JSON for what `JSON.stringify` cannot encode: bigints as decimal strings, bytes as 0x-hex. */
function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `0x${toHex(value)}`;
  return value;
}

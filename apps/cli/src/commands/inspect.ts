import { readFile } from "node:fs/promises";
import { isValidSuiAddress, normalizeSuiAddress, toHex } from "@mysten/sui/utils";
import {
  type CheckpointData,
  type CheckpointEvent,
  checkpointFromData,
  decodeCheckpointData,
} from "@verity/indexer";
import { eventLayout, type Layout, walrusEvents } from "@verity/sdk";
import { Command, InvalidArgumentError } from "commander";

interface InspectOptions {
  eventsOnly?: boolean;
  package?: string;
}

/**
 * `verity inspect <file.chk>`: decodes a Sui checkpoint-store file and prints it as JSON on
 * stdout: the checkpoint summary, then each transaction with its events. Events of Walrus's
 * `events` module (by the package ids of `walrusEvents.WALRUS_PACKAGE_IDS`) and, with
 * `--package`, of the `verity` package carry a `decoded` field; others their BCS `contents` as
 * 0x-hex (with a `decodeError` when the bytes do not fit the known layout). Integers beyond 2^53
 * (u64, u256) print as decimal strings, byte vectors (`vector<u8>`: digests, keys, signatures)
 * as 0x-hex. A file that does not decode ends the command with one `error: …` line naming the
 * file, the byte offset and the field, and exit code 1.
 */
export function inspectCommand(): Command {
  return new Command("inspect")
    .description("Print a Sui checkpoint file (.chk, as checkpoint stores serve them) as JSON")
    .argument("<file>", "a checkpoint file, e.g. 248050771.chk")
    .option("--events-only", "print only the events, as one list")
    .option(
      "--package <id>",
      "the verity package id whose events to decode (e.g. from the deploy config)",
      parsePackageId,
    )
    .action(async (file: string, options: InspectOptions) => {
      const data = decodeCheckpointData(new Uint8Array(await readFile(file)), file);
      const view = inspectCheckpoint(data, file, options.package);
      const output = options.eventsOnly ? view.transactions.flatMap((tx) => tx.events) : view;
      console.log(JSON.stringify(output, jsonValue, 2));
    });
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
        sender: tx.sender,
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
    const { events } = walrusEvents;
    return Object.hasOwn(events, event.struct)
      ? events[event.struct as keyof typeof events]
      : undefined;
  }
  return event.packageId === verityPackage ? eventLayout(event.module, event.struct) : undefined;
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

function parsePackageId(value: string): string {
  const id = normalizeSuiAddress(value);
  if (!isValidSuiAddress(id)) throw new InvalidArgumentError("not a Sui package id (0x + hex)");
  return id;
}

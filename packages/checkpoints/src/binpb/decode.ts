/**
 * Reading Sui checkpoint-store files in the current format, `<seq>.binpb.zst`: the protobuf
 * message `sui.rpc.v2.Checkpoint` in binary form, zstd-compressed, as Sui's
 * `sui-checkpoint-blob-indexer` writes them (pipeline `checkpoint_blob`). That pipeline fills
 * only the BCS of each part (its field mask: `sequence_number`, `summary.bcs`, `signature`,
 * `contents.bcs`, `transactions.transaction.bcs`, `transactions.effects.bcs`,
 * `transactions.effects.unchanged_loaded_runtime_objects`, `transactions.events.bcs`,
 * `objects.objects.bcs`): no digest, epoch, timestamp, sender or event comes as a field of its
 * own. So the message is decoded with `@mysten/sui`'s generated types, and its BCS parts with
 * the `.chk` layouts, normalized by the same code as a `.chk` file's.
 */
import { zstdDecompressSync } from "node:zlib";
import type { BcsReader } from "@mysten/bcs";
import { GrpcTypes } from "@mysten/sui/grpc";
import { MessageType } from "@protobuf-ts/runtime";
import { readerOffset } from "../bcs-offset.ts";
import type { Checkpoint } from "../checkpoint.ts";
import type { DecodeOptions } from "../chk/decode.ts";
import { CheckpointDecodeError } from "../chk/error.ts";
import { rawLayouts } from "../chk/layouts/checkpoint.ts";
import { rawLeaves } from "../chk/layouts/leaves.ts";
import { CheckpointReader } from "../chk/layouts/reader.ts";
import { type DecodedCheckpoint, normalizeCheckpoint } from "../chk/normalize.ts";
import { declaredContentSize } from "./zstd-frame.ts";

/** Length of the validators' aggregated BLS12-381 signature, bytes. */
const SIGNATURE_LENGTH = 48;

/**
 * Decodes a `.binpb.zst` file to the indexer's `Checkpoint`: the same `Checkpoint` as
 * `decodeCheckpointFile` gives for the `.chk` file of the same checkpoint (digest of the
 * summary's BCS; each transaction's digest as the contents list it, its events from its
 * `TransactionEvents`; the proof parts). Only the summary, the contents and the events are
 * decoded: a transaction's `TransactionData` and effects are kept as bytes, unread (their
 * decoding was most of the time of a real checkpoint's). With `verifyDigests`, the effects are
 * decoded too and every BCS part is checked to tie together, as for a `.chk` file.
 * Byte fields (`proofParts`) are views into the decompressed bytes.
 *
 * @param source file path or URL, named in errors
 * @throws CheckpointDecodeError (without an offset) when the bytes are not zstd-compressed, do
 *   not decode as a `sui.rpc.v2.Checkpoint`, lack a BCS part, hold a part that does not decode
 *   to its last byte as its Sui type, or a `sequence_number` other than their summary's; or as
 *   `decodeCheckpointFile` when the parts are inconsistent
 */
export function decodeCheckpointBlob(
  bytes: Uint8Array,
  source?: string,
  options: DecodeOptions = {},
): Checkpoint {
  const verifyDigests = options.verifyDigests ?? false;
  const proto = protoOf(inflate(bytes, source), source);
  const { eventPackages } = options;
  const mayHold = eventPackages ? mentionsAny(eventPackages) : () => true;
  return normalizeCheckpoint(partsOf(proto, verifyDigests, mayHold, source), rawLeaves, {
    source,
    verifyDigests,
    eventPackages,
  });
}

/**
 * Whether a transaction's events (BCS) may hold an event of `packages`: whether any of their
 * ids occurs in the bytes (an event's type names its package by these 32 bytes).
 */
function mentionsAny(packages: readonly string[]): (events: Uint8Array) => boolean {
  const ids = packages.map((id) => Buffer.from(id.slice(2), "hex"));
  return (events) => {
    const bytes = Buffer.from(events.buffer, events.byteOffset, events.byteLength);
    return ids.some((id) => bytes.includes(id));
  };
}

function inflate(bytes: Uint8Array, source: string | undefined): Uint8Array {
  try {
    // One output buffer of the declared size (zlib's smallest chunk is 64 bytes).
    const declared = declaredContentSize(bytes);
    const inflated = zstdDecompressSync(
      bytes,
      declared === undefined ? {} : { chunkSize: Math.max(64, declared + 1) },
    );
    // A plain view (not a Buffer), so the parts are the same type as a `.chk` file's.
    return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
  } catch (error) {
    throw new CheckpointDecodeError(
      `not zstd-compressed data: ${(error as Error).message}`,
      undefined,
      source,
    );
  }
}

/**
 * `sui.rpc.v2.Checkpoint` as `@mysten/sui` generates it, but for its `objects` field (every
 * object the checkpoint's transactions read or wrote, two thirds of a message's decoding time and
 * read by nothing here): read with `readUnknownField: false`, the reader skips over that field's
 * bytes without making an object of each.
 */
const CheckpointWithoutObjects = new MessageType<GrpcTypes.Checkpoint>(
  GrpcTypes.Checkpoint.typeName,
  GrpcTypes.Checkpoint.fields.filter((field) => field.name !== "objects"),
);

function protoOf(bytes: Uint8Array, source: string | undefined): GrpcTypes.Checkpoint {
  try {
    return CheckpointWithoutObjects.fromBinary(bytes, { readUnknownField: false });
  } catch (error) {
    throw new CheckpointDecodeError(
      `not a protobuf sui.rpc.v2.Checkpoint: ${(error as Error).message}`,
      undefined,
      source,
    );
  }
}

type RawParts = DecodedCheckpoint<Uint8Array, Uint8Array>;

/**
 * The message's BCS parts, decoded with the raw layouts, in the shape `normalizeCheckpoint`
 * reads; each transaction's effects decoded only with `withEffects` (to verify them), its
 * events only when `mayHold` says their bytes may hold an event that is kept.
 */
function partsOf(
  proto: GrpcTypes.Checkpoint,
  withEffects: boolean,
  mayHold: (events: Uint8Array) => boolean,
  source: string | undefined,
): RawParts {
  const fail = (reason: string): never => {
    throw new CheckpointDecodeError(reason, undefined, source);
  };
  const need = <T>(value: T | undefined, field: string): T => value ?? fail(`no ${field}`);
  const part = <T>(layout: Layout<T>, bytes: Uint8Array | undefined, field: string) => {
    const bcs = need(bytes, field);
    return { value: readPart(layout, bcs, field, fail), bcs };
  };
  // Events whose bytes cannot hold a kept one stay undecoded.
  const eventsOf = (bytes: Uint8Array | undefined, field: string) => {
    const bcs = need(bytes, field);
    return mayHold(bcs) ? part(rawLayouts.TransactionEvents, bcs, field) : { bcs };
  };
  const summary = part(rawLayouts.CheckpointSummary, proto.summary?.bcs?.value, "summary.bcs");
  const listed = proto.sequenceNumber;
  if (listed !== undefined && String(listed) !== summary.value.sequenceNumber)
    fail(`sequence_number ${listed}, its summary's is ${summary.value.sequenceNumber}`);
  const signature = need(proto.signature, "signature");
  const aggregated = need(signature.signature, "signature.signature");
  if (aggregated.length !== SIGNATURE_LENGTH)
    fail(`signature.signature: ${aggregated.length} bytes, expected ${SIGNATURE_LENGTH}`);
  return {
    checkpointSummary: {
      data: summary,
      authSignature: {
        epoch: need(signature.epoch, "signature.epoch"),
        signature: aggregated,
        signersMap: need(signature.bitmap, "signature.bitmap"),
      },
    },
    checkpointContents: part(
      rawLayouts.CheckpointContents,
      proto.contents?.bcs?.value,
      "contents.bcs",
    ),
    transactions: proto.transactions.map((tx, i) => {
      const at = `transactions[${i}]`;
      const data = { bcs: need(tx.transaction?.bcs?.value, `${at}.transaction.bcs`) };
      const effects = `${at}.effects.bcs`;
      return {
        // The shape of a `.chk` file's signed transaction (its signatures are not read).
        transaction: { data: [{ intentMessage: { value: data } }] },
        effects: withEffects
          ? part(rawLayouts.TransactionEffects, tx.effects?.bcs?.value, effects)
          : { bcs: need(tx.effects?.bcs?.value, effects) },
        // The writer leaves `events` out when the transaction emitted none.
        events: tx.events ? eventsOf(tx.events.bcs?.value, `${at}.events.bcs`) : null,
      };
    }),
  };
}

/** A raw layout, as far as reading a part needs it. */
interface Layout<T> {
  name: string;
  read(reader: BcsReader): T;
}

/** `layout`'s value in `bytes`, which must end where the value does. */
function readPart<T>(
  layout: Layout<T>,
  bytes: Uint8Array,
  field: string,
  fail: (reason: string) => never,
): T {
  const reader = new CheckpointReader(bytes);
  let value: T;
  try {
    value = layout.read(reader);
  } catch (error) {
    return fail(`${field} does not decode as ${layout.name}: ${(error as Error).message}`);
  }
  const end = readerOffset(reader);
  if (end !== bytes.length)
    fail(`${field}: ${bytes.length} bytes, its ${layout.name} ends at byte ${end}`);
  return value;
}

/**
 * Full node protobuf -> normalized {@link Checkpoint}: the one place that knows which parts of a
 * `sui.rpc.v2.Checkpoint` the indexer reads, so the read mask and the conversion cannot drift.
 */
import type { GrpcTypes } from "@mysten/sui/grpc";
import { isValidSuiAddress, normalizeSuiAddress, parseStructTag } from "@mysten/sui/utils";
import type { Checkpoint, CheckpointEvent, CheckpointTransaction } from "../checkpoint.ts";
import { certifiedSummaryBcs } from "../chk/normalize.ts";

/**
 * The `read_mask` paths (relative to `sui.rpc.v2.Checkpoint`) of everything {@link fromProto}
 * reads, and nothing else: sequence number, digest, epoch, timestamp, each transaction's digest,
 * each event's type, sender and BCS contents; and the proof parts as BCS (summary,
 * validators' signature, contents, each transaction's effects and events).
 */
export const CHECKPOINT_READ_MASK: readonly string[] = [
  "sequence_number",
  "digest",
  "summary.epoch",
  "summary.timestamp",
  "transactions.digest",
  "transactions.events.events.event_type",
  "transactions.events.events.sender",
  "transactions.events.events.contents",
  "summary.bcs",
  "signature",
  "contents.bcs",
  "transactions.effects.bcs",
  "transactions.events.bcs",
];

/** A checkpoint from the full node lacks a field the read mask asked for, or holds a bad value. */
export class MalformedCheckpointError extends Error {
  override name = "MalformedCheckpointError";
}

/**
 * Converts a checkpoint as the full node sends it (asked with {@link CHECKPOINT_READ_MASK}).
 * Event `packageId`/`module`/`struct` come from the event's type (the proto's own `package_id`
 * and `module` name the function that was called, which may live in another package); `type` is
 * kept as the node printed it. Addresses are normalized to 0x + 64 lowercase hex digits, the
 * timestamp to whole milliseconds.
 *
 * @throws MalformedCheckpointError naming the checkpoint and the missing or bad field
 */
export function fromProto(proto: GrpcTypes.Checkpoint): Checkpoint {
  const sequenceNumber = required(proto.sequenceNumber, "checkpoint ?", "sequence_number");
  const where = `checkpoint ${sequenceNumber}`;
  const timestamp = required(proto.summary?.timestamp, where, "summary.timestamp");
  return {
    sequenceNumber,
    digest: required(proto.digest, where, "digest"),
    epoch: required(proto.summary?.epoch, where, "summary.epoch"),
    timestampMs: timestamp.seconds * 1000n + BigInt(Math.floor(timestamp.nanos / 1_000_000)),
    transactions: proto.transactions.map((tx, index) =>
      transactionOf(tx, `${where} transaction ${index}`),
    ),
    ...proofPartsOf(proto, where),
  };
}

/**
 * The checkpoint's proof parts, when the node sent its summary's BCS (a node asked with the
 * read mask always does; a checkpoint without them can be indexed but not proven).
 */
function proofPartsOf(proto: GrpcTypes.Checkpoint, where: string): Pick<Checkpoint, "proofParts"> {
  const summary = proto.summary?.bcs?.value;
  if (!summary) return {};
  const signature = required(proto.signature, where, "signature");
  return {
    proofParts: {
      certifiedSummary: certifiedSummaryBcs(summary, {
        epoch: required(signature.epoch, where, "signature.epoch"),
        signature: required(signature.signature, where, "signature.signature"),
        signersMap: required(signature.bitmap, where, "signature.bitmap"),
      }),
      contents: required(proto.contents?.bcs?.value, where, "contents.bcs"),
    },
  };
}

function transactionOf(proto: GrpcTypes.ExecutedTransaction, where: string): CheckpointTransaction {
  return {
    digest: required(proto.digest, where, "digest"),
    events: (proto.events?.events ?? []).map((event, index) =>
      eventOf(event, `${where} event ${index}`),
    ),
    ...(proto.effects?.bcs?.value && {
      proofParts: { effects: proto.effects.bcs.value, events: proto.events?.bcs?.value ?? null },
    }),
  };
}

function eventOf(proto: GrpcTypes.Event, where: string): CheckpointEvent {
  const type = required(proto.eventType, where, "event_type");
  let tag: ReturnType<typeof parseStructTag>;
  try {
    tag = parseStructTag(type);
  } catch {
    throw new MalformedCheckpointError(`${where}: event_type "${type}" is not a struct type`);
  }
  if (!isValidSuiAddress(tag.address)) {
    throw new MalformedCheckpointError(`${where}: event_type "${type}" has no package address`);
  }
  return {
    packageId: tag.address,
    module: tag.module,
    struct: tag.name,
    type,
    sender: addressOf(proto.sender, where, "sender"),
    contents: required(proto.contents?.value, where, "contents"),
  };
}

function addressOf(value: string | undefined, where: string, field: string): string {
  const address = normalizeSuiAddress(required(value, where, field));
  if (!isValidSuiAddress(address)) {
    throw new MalformedCheckpointError(`${where}: ${field} "${value}" is not a Sui address`);
  }
  return address;
}

function required<T>(value: T | undefined, where: string, field: string): T {
  if (value === undefined) throw new MalformedCheckpointError(`${where}: no ${field}`);
  return value;
}

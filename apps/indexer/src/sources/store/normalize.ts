/**
 * From a decoded `CheckpointData` to the indexer's `Checkpoint`: digests, senders and events,
 * after checking that the file's digests tie together.
 */
import type { bcs } from "@mysten/sui/bcs";
import type { Checkpoint, CheckpointTransaction } from "../../checkpoint.ts";
import { suiDigest } from "./digest.ts";
import { CheckpointDecodeError } from "./error.ts";
import type { CheckpointData } from "./layouts/checkpoint.ts";

type StructTag = typeof bcs.StructTag.$inferType;
type TypeTag = StructTag["typeParams"][number];
type Transaction = CheckpointData["transactions"][number];
type ContentsEntry = { transaction: string; effects: string };

/**
 * The `Checkpoint` of a decoded checkpoint file. Checks first that the file is internally
 * consistent: the summary's `contentDigest` is the digest of the
 * contents, the contents list each transaction's digest and effects digest in order, each
 * effects names its transaction and the digest of its events. The checkpoint digest is the
 * digest of the summary (which the validators' certificate signs; the signature itself is not
 * checked here: that needs the epoch's committee).
 *
 * @param source file path or URL, named in errors
 * @throws CheckpointDecodeError when a digest does not match or a transaction holds other than
 *   one signed `TransactionData`
 */
export function checkpointFromData(data: CheckpointData, source?: string): Checkpoint {
  const summary = data.checkpointSummary.data;
  const contents = data.checkpointContents;
  const mismatch = (what: string) => new CheckpointDecodeError(what, undefined, source);
  if (suiDigest("CheckpointContents", contents.bcs) !== summary.value.contentDigest) {
    throw mismatch("the checkpoint contents do not match the summary's content digest");
  }
  const listed: ContentsEntry[] =
    contents.value.$kind === "V1"
      ? contents.value.V1.transactions
      : contents.value.V2.transactions.map((entry) => entry.digest);
  if (listed.length !== data.transactions.length) {
    throw mismatch(
      `the contents list ${listed.length} transactions, the file holds ${data.transactions.length}`,
    );
  }
  return {
    sequenceNumber: BigInt(summary.value.sequenceNumber),
    digest: suiDigest("CheckpointSummary", summary.bcs),
    epoch: BigInt(summary.value.epoch),
    timestampMs: BigInt(summary.value.timestampMs),
    transactions: data.transactions.map((tx, i) =>
      transactionOf(tx, listed[i]!, (what) => mismatch(`transactions[${i}]: ${what}`)),
    ),
  };
}

/** The normalized transaction; `fail(what)` makes the error thrown when a digest is off. */
function transactionOf(
  tx: Transaction,
  listed: ContentsEntry,
  fail: (what: string) => Error,
): CheckpointTransaction {
  const [signed, ...others] = tx.transaction.data;
  if (!signed || others.length > 0) {
    throw fail(`holds ${tx.transaction.data.length} signed transactions, expected 1`);
  }
  const { value: transactionData, bcs } = signed.intentMessage.value;
  const digest = suiDigest("TransactionData", bcs);
  const effects = tx.effects.value.$kind === "V1" ? tx.effects.value.V1 : tx.effects.value.V2;
  if (digest !== listed.transaction) {
    throw fail(`transaction digest ${digest}, the contents list ${listed.transaction}`);
  }
  if (effects.transactionDigest !== digest) {
    throw fail(`transaction ${digest} has the effects of ${effects.transactionDigest}`);
  }
  if (suiDigest("TransactionEffects", tx.effects.bcs) !== listed.effects) {
    throw fail("the effects do not match the contents' effects digest");
  }
  const eventsDigest = tx.events ? suiDigest("TransactionEvents", tx.events.bcs) : null;
  if (eventsDigest !== (effects.eventsDigest ?? null)) {
    throw fail("the events do not match the effects' events digest");
  }
  return {
    digest,
    sender: transactionData.V1.sender,
    events: (tx.events?.value.data ?? []).map((event) => ({
      packageId: event.type.address,
      module: event.type.module,
      struct: event.type.name,
      type: structTagString(event.type),
      sender: event.sender,
      contents: event.contents.slice(), // a copy: the checkpoint must not pin the file's bytes
    })),
  };
}

/**
 * A struct type as Sui prints it (Move's `to_canonical_string(true)`, what full nodes return
 * as an event type): `0x<64 hex>::module::Name<T1,T2>`, type arguments comma-separated without
 * spaces. (`TypeTagSerializer.tagToString` of `@mysten/sui` puts a space after each comma.)
 */
export function structTagString(tag: StructTag): string {
  const params =
    tag.typeParams.length > 0 ? `<${tag.typeParams.map(typeTagString).join(",")}>` : "";
  return `${tag.address}::${tag.module}::${tag.name}${params}`;
}

function typeTagString(tag: TypeTag): string {
  if ("vector" in tag) return `vector<${typeTagString(tag.vector)}>`;
  if ("struct" in tag) return structTagString(tag.struct);
  // A primitive decodes as `{ u64: true, $kind: "u64" }`: its one other key is its name.
  return Object.keys(tag).find((key) => key !== "$kind")!;
}

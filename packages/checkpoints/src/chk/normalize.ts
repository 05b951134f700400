/**
 * From a decoded checkpoint (either layout family) to the indexer's `Checkpoint`: digests,
 * senders and events, after checking, on request, that the file's digests tie together.
 */
import { toBase58 } from "@mysten/bcs";
import type { Checkpoint, CheckpointTransaction } from "../checkpoint.ts";
import { sameBytes, suiDigest } from "../digest.ts";
import { CheckpointDecodeError } from "./error.ts";
import { AuthorityQuorumSignInfo, type CheckpointData } from "./layouts/checkpoint.ts";
import { fullLeaves, type LeafText } from "./layouts/leaves.ts";
import type { StructTag, TypeTag } from "./layouts/move.ts";
import type { WithBcs } from "./layouts/support.ts";

/** Either version of the effects, as far as normalizing reads them. */
interface EffectsDigests<D> {
  transactionDigest: D;
  eventsDigest: D | null;
}

/** (transaction digest, effects digest), as the contents list them. */
interface ExecutionDigests<D> {
  transaction: D;
  effects: D;
}

/**
 * What normalizing reads of a decoded `CheckpointData` whose addresses decode as `A` and
 * digests as `D` (the full and the raw layouts both fit).
 */
export interface DecodedCheckpoint<A, D> {
  checkpointSummary: {
    data: WithBcs<{ epoch: string; sequenceNumber: string; timestampMs: string; contentDigest: D }>;
    authSignature: typeof AuthorityQuorumSignInfo.$inferInput;
  };
  checkpointContents: WithBcs<
    | { $kind: "V1"; V1: { transactions: ExecutionDigests<D>[] } }
    | { $kind: "V2"; V2: { transactions: { digest: ExecutionDigests<D> }[] } }
  >;
  transactions: {
    /** its signed `TransactionData`: only the BCS is read (hashed, when verifying) */
    transaction: { data: { intentMessage: { value: { bcs: Uint8Array } } }[] };
    /** decoded (`value`) only where verifying needs it: a `.binpb.zst` part can skip it */
    effects: {
      bcs: Uint8Array;
      value?: { $kind: "V1"; V1: EffectsDigests<D> } | { $kind: "V2"; V2: EffectsDigests<D> };
    };
    /**
     * null when it emitted none; `value` absent when it was left undecoded because it holds no
     * event of `NormalizeOptions.eventPackages` (a `.binpb.zst` part can skip it)
     */
    events: {
      bcs: Uint8Array;
      value?: { data: { type: StructTag<A>; sender: A; contents: Uint8Array }[] };
    } | null;
  }[];
}

/** Options of `normalizeCheckpoint`. */
export interface NormalizeOptions {
  /** File path or URL, named in errors. */
  source?: string | undefined;
  /**
   * Check that the digests tie together (see `normalizeCheckpoint`): a Blake2b-256 hash of the
   * contents and of each transaction's data, effects and events, a large part of the file.
   */
  verifyDigests: boolean;
  /** Keep only the transactions with an event of these packages (`DecodeOptions.eventPackages`). */
  eventPackages?: readonly string[] | undefined;
}

/**
 * The `Checkpoint` of a decoded checkpoint file, its leaves read with `leaves`. The checkpoint
 * digest is the digest of the summary (which the validators' certificate signs; the signature
 * itself is not checked here: that needs the epoch's committee); a transaction's digest is the
 * one the contents list (which the summary's content digest covers). With `verifyDigests`, checks first that the file is internally
 * consistent: the summary's `contentDigest` is the digest of the contents, the contents list
 * each transaction's digest and effects digest in order, each effects names its transaction
 * and the digest of its events.
 *
 * @throws CheckpointDecodeError when the contents list another number of transactions than the
 *   file holds, a transaction holds other than one signed `TransactionData`, or (verifying) a
 *   digest does not match
 */
export function normalizeCheckpoint<A, D>(
  data: DecodedCheckpoint<A, D>,
  leaves: LeafText<A, D>,
  options: NormalizeOptions,
): Checkpoint {
  const summary = data.checkpointSummary.data;
  const contents = data.checkpointContents;
  const mismatch = (what: string) => new CheckpointDecodeError(what, undefined, options.source);
  if (
    options.verifyDigests &&
    !sameBytes(
      suiDigest("CheckpointContents", contents.bcs),
      leaves.digestBytes(summary.value.contentDigest),
    )
  ) {
    throw mismatch("the checkpoint contents do not match the summary's content digest");
  }
  const listed =
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
    digest: toBase58(suiDigest("CheckpointSummary", summary.bcs)),
    epoch: BigInt(summary.value.epoch),
    timestampMs: BigInt(summary.value.timestampMs),
    transactions: keptTransactions(data.transactions, leaves, options.eventPackages).map(
      ([tx, i]) =>
        transactionOf(tx, leaves, listed[i]!, options.verifyDigests, (what) =>
          mismatch(`transactions[${i}]: ${what}`),
        ),
    ),
    proofParts: {
      certifiedSummary: certifiedSummaryBcs(summary.bcs, data.checkpointSummary.authSignature),
      contents: contents.bcs,
    },
  };
}

/**
 * BCS `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>` of a summary (its BCS) and its
 * certificate: the two encodings one after the other.
 */
export function certifiedSummaryBcs(
  summaryBcs: Uint8Array,
  signature: typeof AuthorityQuorumSignInfo.$inferInput,
): Uint8Array {
  const signed = AuthorityQuorumSignInfo.serialize(signature).toBytes();
  const envelope = new Uint8Array(summaryBcs.length + signed.length);
  envelope.set(summaryBcs);
  envelope.set(signed, summaryBcs.length);
  return envelope;
}

/**
 * The `Checkpoint` of a checkpoint file decoded by `decodeCheckpointData`, after checking that
 * its digests tie together (see `normalizeCheckpoint`).
 *
 * @param source file path or URL, named in errors
 * @throws CheckpointDecodeError as `normalizeCheckpoint`
 */
export function checkpointFromData(data: CheckpointData, source?: string): Checkpoint {
  return normalizeCheckpoint(data, fullLeaves, { source, verifyDigests: true });
}

type Transaction<A, D> = DecodedCheckpoint<A, D>["transactions"][number];

/**
 * The transactions to normalize, with their indexes in the checkpoint: all of them, or with
 * `packages` those that emitted an event whose type one of `packages` defines.
 */
function keptTransactions<A, D>(
  transactions: Transaction<A, D>[],
  leaves: LeafText<A, D>,
  packages: readonly string[] | undefined,
): [Transaction<A, D>, number][] {
  const indexed = transactions.map((tx, i): [Transaction<A, D>, number] => [tx, i]);
  if (!packages) return indexed;
  const wanted = new Set(packages);
  return indexed.filter(([tx]) =>
    tx.events?.value?.data.some((event) => wanted.has(leaves.addressText(event.type.address))),
  );
}

/**
 * The normalized transaction: its digest as the contents list it (`listed`), and, when
 * `verify`, checked against its data, effects and events; `fail(what)` makes the error thrown
 * when it is malformed or a digest is off.
 */
function transactionOf<A, D>(
  tx: Transaction<A, D>,
  leaves: LeafText<A, D>,
  listed: ExecutionDigests<D>,
  verify: boolean,
  fail: (what: string) => Error,
): CheckpointTransaction {
  const [signed, ...others] = tx.transaction.data;
  if (!signed || others.length > 0) {
    throw fail(`holds ${tx.transaction.data.length} signed transactions, expected 1`);
  }
  if (verify) {
    const decoded = tx.effects.value;
    if (!decoded) throw fail("its effects were not decoded, so cannot be verified");
    const effects = decoded.$kind === "V1" ? decoded.V1 : decoded.V2;
    verifyTransaction(signed.intentMessage.value.bcs, tx, effects, listed, leaves, fail);
  }
  const address = (value: A) => leaves.addressText(value);
  return {
    digest: leaves.digestText(listed.transaction),
    events: (tx.events?.value?.data ?? []).map((event) => ({
      packageId: address(event.type.address),
      module: event.type.module,
      struct: event.type.name,
      type: structTagString(event.type, address),
      sender: address(event.sender),
      contents: event.contents.slice(), // a copy: the checkpoint must not pin the file's bytes
    })),
    proofParts: { effects: tx.effects.bcs, events: tx.events?.bcs ?? null },
  };
}

/**
 * Checks that the transaction data (`dataBcs`) has the digest the contents list and its
 * effects name, that its effects have the digest the contents list, and that its events have
 * the digest its effects name (or that it has none when they name none).
 */
function verifyTransaction<A, D>(
  dataBcs: Uint8Array,
  tx: Transaction<A, D>,
  effects: EffectsDigests<D>,
  listed: ExecutionDigests<D>,
  leaves: LeafText<A, D>,
  fail: (what: string) => Error,
): void {
  const digest = suiDigest("TransactionData", dataBcs);
  const text = (value: D) => leaves.digestText(value);
  if (!sameBytes(digest, leaves.digestBytes(listed.transaction))) {
    throw fail(
      `transaction digest ${toBase58(digest)}, the contents list ${text(listed.transaction)}`,
    );
  }
  if (!sameBytes(digest, leaves.digestBytes(effects.transactionDigest))) {
    throw fail(
      `transaction ${toBase58(digest)} has the effects of ${text(effects.transactionDigest)}`,
    );
  }
  const effectsDigest = suiDigest("TransactionEffects", tx.effects.bcs);
  if (!sameBytes(effectsDigest, leaves.digestBytes(listed.effects))) {
    throw fail("the effects do not match the contents' effects digest");
  }
  const { events } = tx;
  const named = effects.eventsDigest;
  const eventsMatch =
    events === null || named === null
      ? events === null && named === null
      : sameBytes(suiDigest("TransactionEvents", events.bcs), leaves.digestBytes(named));
  if (!eventsMatch) throw fail("the events do not match the effects' events digest");
}

/**
 * A struct type as Sui prints it (Move's `to_canonical_string(true)`, what full nodes return
 * as an event type): `0x<64 hex>::module::Name<T1,T2>`, type arguments comma-separated without
 * spaces. (`TypeTagSerializer.tagToString` of `@mysten/sui` puts a space after each comma.)
 *
 * @param address prints an address (0x + 64 hex); needed unless addresses are text already
 */
export function structTagString(tag: StructTag<string>): string;
export function structTagString<A>(tag: StructTag<A>, address: (value: A) => string): string;
export function structTagString<A>(
  tag: StructTag<A>,
  address: (value: A) => string = String,
): string {
  const params =
    tag.typeParams.length > 0
      ? `<${tag.typeParams.map((param) => typeTagString(param, address)).join(",")}>`
      : "";
  return `${address(tag.address)}::${tag.module}::${tag.name}${params}`;
}

function typeTagString<A>(tag: TypeTag<A>, address: (value: A) => string): string {
  if (tag.$kind === "vector") return `vector<${typeTagString(tag.vector, address)}>`;
  if (tag.$kind === "struct") return structTagString(tag.struct, address);
  return tag.$kind;
}

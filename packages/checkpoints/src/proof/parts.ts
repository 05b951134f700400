/**
 * Tying a checkpoint's transactions and events to its proof parts, for sources whose fields come
 * apart (a full node sends the events and their BCS in separate fields): with the certified
 * summary verified, this makes every event indexed one the validators signed for.
 */
import { toBase58 } from "@mysten/bcs";
import type { Checkpoint } from "../checkpoint.ts";
import {
  CertifiedCheckpointSummary,
  CheckpointContents,
  TransactionEffects,
  TransactionEvents,
} from "../chk/layouts/checkpoint.ts";
import { sameBytes, suiDigest } from "../digest.ts";
import { readWhole } from "./read-whole.ts";

/** A checkpoint whose transactions or events are not those its proof parts commit to. */
export class ProofPartsMismatchError extends Error {
  override name = "ProofPartsMismatchError";
}

/**
 * Checks that `checkpoint` is what its proof parts commit to: its digest is its certified
 * summary's; the contents have the summary's content digest and list exactly its transactions,
 * in order; each transaction's effects have the digest listed and name it, and its events the
 * digest the effects name (or none), holding exactly its events (package, module, struct, sender,
 * BCS contents), in order. (The certificate itself is `verifyCheckpointCertificate`'s.)
 *
 * @throws ProofPartsMismatchError naming the checkpoint and what disagrees, also when it came
 *   without proof parts or a part does not decode to its last byte
 */
export function verifyCheckpointParts(checkpoint: Checkpoint): void {
  const where = `checkpoint ${checkpoint.sequenceNumber}`;
  const fail = (what: string): never => {
    throw new ProofPartsMismatchError(`${where}: ${what}`);
  };
  const parts = checkpoint.proofParts ?? fail("no proof parts");
  const certified = whole(CertifiedCheckpointSummary, parts.certifiedSummary, fail);
  const digest = toBase58(suiDigest("CheckpointSummary", certified.data.bcs));
  if (digest !== checkpoint.digest) fail(`digest ${checkpoint.digest}, its summary's is ${digest}`);
  const contentsDigest = toBase58(suiDigest("CheckpointContents", parts.contents));
  if (contentsDigest !== certified.data.value.contentDigest)
    fail("the contents do not match the summary's content digest");
  const contents = whole(CheckpointContents, parts.contents, fail);
  const listed =
    contents.$kind === "V1"
      ? contents.V1.transactions
      : contents.V2.transactions.map((entry) => entry.digest);
  if (listed.length !== checkpoint.transactions.length)
    fail(`the contents list ${listed.length} transactions, ${checkpoint.transactions.length} came`);
  checkpoint.transactions.forEach((tx, i) => {
    const at = (what: string) => fail(`transaction ${i} (${tx.digest}): ${what}`);
    const entry = listed[i] as (typeof listed)[number];
    if (entry.transaction !== tx.digest) at(`the contents list ${entry.transaction} there`);
    const txParts = tx.proofParts ?? at("no proof parts");
    if (toBase58(suiDigest("TransactionEffects", txParts.effects)) !== entry.effects)
      at("the effects do not match the contents' effects digest");
    const effects = whole(TransactionEffects, txParts.effects, at);
    const named = effects.$kind === "V1" ? effects.V1 : effects.V2;
    if (named.transactionDigest !== tx.digest) at(`the effects are ${named.transactionDigest}'s`);
    if (named.eventsDigest === null || txParts.events === null) {
      if (named.eventsDigest !== txParts.events || tx.events.length > 0)
        at("the events do not match the effects' events digest");
      return;
    }
    if (toBase58(suiDigest("TransactionEvents", txParts.events)) !== named.eventsDigest)
      at("the events do not match the effects' events digest");
    const events = whole(TransactionEvents, txParts.events, at).data;
    if (events.length !== tx.events.length)
      at(`the events BCS holds ${events.length} events, ${tx.events.length} came`);
    events.forEach((signed, e) => {
      const came = tx.events[e]!;
      const same =
        signed.type.address === came.packageId &&
        signed.type.module === came.module &&
        signed.type.name === came.struct &&
        signed.sender === came.sender &&
        sameBytes(Uint8Array.from(signed.contents), came.contents);
      if (!same) at(`event ${e} is not the one its events BCS holds`);
    });
  });
}

/** `layout`'s value in `bytes` (see `readWhole`), or `fail` with the reason. */
function whole<T>(
  layout: Parameters<typeof readWhole<T>>[0],
  bytes: Uint8Array,
  fail: (what: string) => never,
): T {
  try {
    return readWhole(layout, bytes);
  } catch (error) {
    return fail((error as Error).message);
  }
}

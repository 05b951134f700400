/**
 * Checking a proof bundle end to end, each step named, from a committee the client trusts down
 * to one event: certificate -> contents -> transaction -> effects -> events -> event.
 */
import { fromBase58, toBase58 } from "@mysten/bcs";
import type { Committee } from "../certificate/committee.ts";
import { type CertifiedCheckpoint, verifyCheckpointCertificate } from "../certificate/verify.ts";
import type { CheckpointEvent } from "../checkpoint.ts";
import {
  CertifiedCheckpointSummary,
  CheckpointContents,
  TransactionEffects,
  TransactionEvents,
} from "../chk/layouts/checkpoint.ts";
import { structTagString } from "../chk/normalize.ts";
import { sameBytes, suiDigest } from "../digest.ts";
import type { ProofBundle } from "./bundle.ts";
import { readWhole } from "./read-whole.ts";

/** The steps of a proof, in the order they are checked. */
export const PROOF_STEPS = [
  "certificate",
  "contents",
  "transaction",
  "effects",
  "events",
  "event",
] as const;

/** One step of a proof. */
export type ProofStepName = (typeof PROOF_STEPS)[number];

/** The outcome of one step: held (with what it established) or failed (with the reason). */
export interface ProofStep {
  step: ProofStepName;
  ok: boolean;
  /** what the step established, or why it failed */
  detail: string;
}

/** A verified event: the certificate that covers it and the event as emitted. */
export interface ProvenEvent {
  certificate: CertifiedCheckpoint;
  /** sequence number of the checkpoint holding the transaction */
  checkpoint: bigint;
  txDigest: string;
  eventIndex: number;
  event: CheckpointEvent;
}

/**
 * What `verifyProofBundle` found: every step checked up to the first that failed (later steps
 * are not listed), and the event when all held.
 */
export type ProofVerdict =
  | { ok: true; steps: ProofStep[]; proven: ProvenEvent }
  | { ok: false; steps: ProofStep[]; failed: ProofStepName; reason: string };

/** A step that failed, with its reason. */
class StepFailure extends Error {}

/**
 * Checks `bundle` against `committee` (the committee of the checkpoint's epoch, which the client
 * trusts: pinned, or reached by `committeeChain`), recomputing every digest:
 * 1. certificate: the certified summary decodes and a quorum of `committee` signed it
 *    (`verifyCheckpointCertificate`);
 * 2. contents: their digest is the summary's `content_digest`;
 * 3. transaction: the contents list `bundle.txDigest`, with an effects digest;
 * 4. effects: their digest is the one listed, and they name the transaction;
 * 5. events: their digest is the one the effects name;
 * 6. event: `bundle.eventIndex` is among them; the event (type, sender, BCS contents) is returned.
 * Every BCS part must decode to its last byte. Never throws: a failure is a verdict.
 */
export function verifyProofBundle(bundle: ProofBundle, committee: Committee): ProofVerdict {
  const steps: ProofStep[] = [];
  let current: ProofStepName = "certificate";
  const held = (detail: string) => steps.push({ step: current, ok: true, detail });
  try {
    const certified = readWhole(CertifiedCheckpointSummary, bundle.certifiedSummary);
    const summary = certified.data.value;
    const certificate = verifyCheckpointCertificate(certified, committee);
    const share = (Number(certificate.votingPower) / 100).toFixed(2);
    held(
      `checkpoint ${summary.sequenceNumber} certified by ${certificate.signers.length} of ` +
        `${certificate.validators} validators of epoch ${summary.epoch}, ${share}% of the voting power`,
    );

    current = "contents";
    const contentsDigest = toBase58(suiDigest("CheckpointContents", bundle.contents));
    if (contentsDigest !== summary.contentDigest)
      fail(`contents digest ${contentsDigest}, the summary names ${summary.contentDigest}`);
    const contents = readWhole(CheckpointContents, bundle.contents);
    const listed =
      contents.$kind === "V1"
        ? contents.V1.transactions
        : contents.V2.transactions.map((entry) => entry.digest);
    held(`contents digest ${contentsDigest} is the summary's; ${listed.length} transactions`);

    current = "transaction";
    const position = listed.findIndex((entry) => entry.transaction === bundle.txDigest);
    if (position < 0)
      fail(
        `transaction ${bundle.txDigest} is not in checkpoint ${summary.sequenceNumber}'s contents`,
      );
    const entry = listed[position] as (typeof listed)[number];
    held(`transaction ${bundle.txDigest} is number ${position} of the contents`);

    current = "effects";
    const effectsDigest = toBase58(suiDigest("TransactionEffects", bundle.effects));
    if (effectsDigest !== entry.effects)
      fail(`effects digest ${effectsDigest}, the contents list ${entry.effects}`);
    const effects = readWhole(TransactionEffects, bundle.effects);
    const named = effects.$kind === "V1" ? effects.V1 : effects.V2;
    if (named.transactionDigest !== bundle.txDigest)
      fail(`the effects are those of transaction ${named.transactionDigest}`);
    if (named.eventsDigest === null) fail("the effects name no events");
    held(
      `effects digest ${effectsDigest} is listed; they name events digest ${named.eventsDigest}`,
    );

    current = "events";
    const eventsDigest = suiDigest("TransactionEvents", bundle.events);
    if (!sameBytes(eventsDigest, fromBase58(named.eventsDigest as string)))
      fail(`events digest ${toBase58(eventsDigest)}, the effects name ${named.eventsDigest}`);
    const events = readWhole(TransactionEvents, bundle.events).data;
    held(`events digest ${named.eventsDigest} is the effects'; ${events.length} events`);

    current = "event";
    const found = events[bundle.eventIndex];
    if (!found)
      fail(`event ${bundle.eventIndex} is not among the transaction's ${events.length} events`);
    const emitted = found as (typeof events)[number];
    const event: CheckpointEvent = {
      packageId: emitted.type.address,
      module: emitted.type.module,
      struct: emitted.type.name,
      type: structTagString(emitted.type),
      sender: emitted.sender,
      contents: Uint8Array.from(emitted.contents),
    };
    held(`event ${bundle.eventIndex}: ${event.type}`);
    return {
      ok: true,
      steps,
      proven: {
        certificate,
        checkpoint: BigInt(summary.sequenceNumber),
        txDigest: bundle.txDigest,
        eventIndex: bundle.eventIndex,
        event,
      },
    };
  } catch (error) {
    const reason = (error as Error).message;
    steps.push({ step: current, ok: false, detail: reason });
    return { ok: false, steps, failed: current, reason };
  }
}

function fail(reason: string): never {
  throw new StepFailure(reason);
}

/**
 * Proof bundles down to one event, on the real mainnet case of ../shared/fixtures: checkpoint
 * 16005062 (epoch 189, certified by 61 of 105 validators) and its end-of-epoch transaction's
 * 211 events, with epoch 189's committee from the end-of-epoch data of 15918264. Every tamper
 * fails at its own step, with its reason.
 */
import { readFileSync } from "node:fs";
import { fixturePath } from "@verity/testing";
import { describe, expect, it } from "vitest";
import {
  type Checkpoint,
  type CheckpointTransaction,
  decodeCheckpointData,
  decodeCheckpointFile,
  nextCommittee,
  PROOF_STEPS,
  type ProofBundle,
  ProofBundleFormatError,
  ProofPartsMismatchError,
  proofBundleFromJson,
  proofBundleOf,
  proofBundleToJson,
  verifyCheckpointParts,
  verifyProofBundle,
} from "../src/index.ts";

const file = (seq: number) => new Uint8Array(readFileSync(fixturePath("mainnet", seq)));
const epoch189 = nextCommittee(decodeCheckpointData(file(15918264)).checkpointSummary);
const checkpoint = decodeCheckpointFile(file(16005062));
const [, endOfEpoch] = checkpoint.transactions;
if (!endOfEpoch) throw new Error("16005062 has lost its second transaction");
const bundle = proofBundleOf(checkpoint, endOfEpoch, 7);

/** `bytes` with byte `at` (from the end when negative) flipped. */
const flipped = (bytes: Uint8Array, at: number) => {
  const copy = bytes.slice();
  const i = at < 0 ? copy.length + at : at;
  copy[i] = (copy[i] as number) ^ 0x01;
  return copy;
};

const failure = (tampered: ProofBundle) => {
  const verdict = verifyProofBundle(tampered, epoch189);
  if (verdict.ok) throw new Error("accepted");
  // every step before the failed one held, and the failed one is the last listed
  expect(verdict.steps.map((s) => s.step)).toEqual(
    PROOF_STEPS.slice(0, PROOF_STEPS.indexOf(verdict.failed) + 1),
  );
  expect(verdict.steps.at(-1)).toMatchObject({ ok: false, detail: verdict.reason });
  return { step: verdict.failed, reason: verdict.reason };
};

describe("verifyProofBundle on a real mainnet checkpoint", () => {
  it("proves event 7 of the end-of-epoch transaction, every step held", () => {
    const verdict = verifyProofBundle(bundle, epoch189);
    if (!verdict.ok) throw new Error(verdict.reason);
    expect(verdict.steps.map((s) => [s.step, s.ok])).toEqual(PROOF_STEPS.map((s) => [s, true]));
    expect(verdict.steps[0]?.detail).toBe(
      "checkpoint 16005062 certified by 61 of 105 validators of epoch 189, 66.84% of the voting power",
    );
    expect(verdict.proven).toMatchObject({
      checkpoint: 16005062n,
      txDigest: "BeccLW98DzJYNxEkmadVgMCLP3kHYxcxTVneDHaKeBiY",
      eventIndex: 7,
      certificate: { epoch: 189n, votingPower: 6684n },
    });
    // the event is the one the indexer's decoding of the same file holds
    expect(verdict.proven.event).toEqual(endOfEpoch.events[7]);
  });

  it("refuses a changed summary byte at the certificate", () => {
    const summary = decodeCheckpointData(file(16005062)).checkpointSummary.data.bcs;
    const tampered = flipped(bundle.certifiedSummary, summary.length - 9); // the timestamp
    expect(failure({ ...bundle, certifiedSummary: tampered })).toEqual({
      step: "certificate",
      reason:
        "the aggregate signature of 61 signers does not verify over checkpoint 16005062's summary",
    });
  });

  it("refuses another epoch's committee at the certificate", () => {
    const verdict = verifyProofBundle(bundle, { ...epoch189, epoch: 188n });
    expect(verdict).toMatchObject({
      ok: false,
      failed: "certificate",
      reason: "signed by epoch 189's committee, given epoch 188's",
    });
  });

  it("refuses changed contents", () => {
    const { step, reason } = failure({ ...bundle, contents: flipped(bundle.contents, -1) });
    expect(step).toBe("contents");
    expect(reason).toMatch(
      /^contents digest \w+, the summary names 4rphBXRfdyHnpbMs5SQJpiEhsAho5EtppYVSYYhxx2Aq$/,
    );
  });

  it("refuses a transaction the contents do not list", () => {
    const other = "FBMfbg8de96cVhm4bqZ2RzNwwGKZ9MFXBT85r42d6HVT";
    expect(failure({ ...bundle, txDigest: other })).toEqual({
      step: "transaction",
      reason: `transaction ${other} is not in checkpoint 16005062's contents`,
    });
  });

  it("refuses the effects of another transaction of the checkpoint", () => {
    const [first] = checkpoint.transactions;
    const effects = first?.proofParts?.effects.slice() as Uint8Array;
    expect(failure({ ...bundle, effects })).toMatchObject({
      step: "effects",
      reason: expect.stringMatching(
        /^effects digest \w+, the contents list SdHwQAGbeVqJzA1M3YAuVMdgYZv63TKx3ZR44FHfbvF$/,
      ),
    });
  });

  it("refuses events the effects do not name", () => {
    const { step, reason } = failure({ ...bundle, events: flipped(bundle.events, -1) });
    expect(step).toBe("events");
    expect(reason).toMatch(/, the effects name Cgm63GuXK8GQCsDgbHppEz3n2PM9hfEy6dAm7Rx63hXc$/);
  });

  it("refuses an event index past the transaction's events", () => {
    expect(failure({ ...bundle, eventIndex: 211 })).toEqual({
      step: "event",
      reason: "event 211 is not among the transaction's 211 events",
    });
  });

  it("refuses a certified summary with bytes left over", () => {
    const longer = new Uint8Array([...bundle.certifiedSummary, 0]);
    expect(failure({ ...bundle, certifiedSummary: longer })).toEqual({
      step: "certificate",
      reason: "1 bytes left after the CertifiedCheckpointSummary",
    });
  });
});

describe("proof bundle JSON", () => {
  it("round-trips and verifies", () => {
    const json = JSON.parse(
      JSON.stringify(proofBundleToJson(bundle, { checkpoint: 16005062n, epoch: 189n })),
    );
    expect(json).toMatchObject({ version: 1, checkpoint: "16005062", epoch: "189", eventIndex: 7 });
    const read = proofBundleFromJson(json);
    expect(read).toEqual(bundle);
    expect(verifyProofBundle(read, epoch189).ok).toBe(true);
  });

  it("names every malformed field, an unknown version and text that is not JSON", () => {
    const json = proofBundleToJson(bundle, { checkpoint: 16005062n, epoch: 189n });
    const read = (value: unknown) => () => proofBundleFromJson(value);
    expect(read({ ...json, version: 2 })).toThrow(ProofBundleFormatError);
    expect(read({ ...json, version: 2 })).toThrow(/version: /);
    expect(read({ ...json, effects: "not base64!", eventIndex: -1 })).toThrow(
      /^not a proof bundle: eventIndex: .*; effects: /,
    );
    expect(read("{")).toThrow(/^not JSON: /);
  });
});

describe("verifyCheckpointParts", () => {
  const check = (changed: Checkpoint) => () => verifyCheckpointParts(changed);
  const withTx = (i: number, tx: CheckpointTransaction): Checkpoint => ({
    ...checkpoint,
    transactions: checkpoint.transactions.map((t, j) => (j === i ? tx : t)),
  });

  it("holds for a real checkpoint as the store file gives it", () => {
    expect(check(checkpoint)).not.toThrow();
  });

  it("refuses a dropped event, a changed one, a dropped transaction and no parts", () => {
    const events = endOfEpoch.events;
    expect(check(withTx(1, { ...endOfEpoch, events: events.slice(1) }))).toThrow(
      /^checkpoint 16005062: transaction 1 \(\w+\): the events BCS holds 211 events, 210 came$/,
    );
    const changed = { ...events[5]!, contents: flipped(events[5]!.contents, 0) };
    expect(check(withTx(1, { ...endOfEpoch, events: events.with(5, changed) }))).toThrow(
      /: event 5 is not the one its events BCS holds$/,
    );
    expect(check({ ...checkpoint, transactions: [endOfEpoch] })).toThrow(
      "checkpoint 16005062: the contents list 2 transactions, 1 came",
    );
    expect(check({ ...checkpoint, proofParts: undefined })).toThrow(ProofPartsMismatchError);
    expect(check({ ...checkpoint, digest: "x" })).toThrow(/: digest x, its summary's is \w+$/);
  });
});

/**
 * The demo's story follows the contracts: read back from its checkpoint files, every event is
 * what the `verity` Move code would emit for the same PTBs. Signatures verify against the
 * registered attester's key over `attestationMessage`, for the transaction's sender; every
 * blob is signed with the SHA-256 of its bytes; datasets carry AI-use terms no looser than their
 * parents'; the model records the constraints of the data it trained on and was trained on
 * nothing its terms forbid; attestations back one object each, with every input proven; the
 * enclave is registered from its configuration and its inferences say so.
 */
import { createHash } from "node:crypto";
import { Ed25519PublicKey } from "@mysten/sui/keypairs/ed25519";
import { Transaction } from "@mysten/sui/transactions";
import { toHex } from "@mysten/sui/utils";
import { checkpointFromData, decodeCheckpointData } from "@verity/checkpoints";
import {
  type AiTermsJson,
  AttestationKind,
  attestation,
  attestationMessage,
  attester,
  dataset,
  enclave,
  inference,
  model,
  termsToJson,
} from "@verity/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import type { Content } from "../src/content.ts";
import { ATTRIBUTION, DATASET_TERMS } from "../src/dataset-terms.ts";
import { makeDemo } from "../src/index.ts";
import { SERVING_CONFIG_SHA256 } from "../src/infer.ts";
import { atLeastAsStrict } from "../src/terms.ts";

let demo: Awaited<ReturnType<typeof makeDemo>>;
/** Every event of the story, in order, with the transaction that emitted it. */
let events: { tx: number; sender: string; name: string; contents: Uint8Array }[];
beforeAll(async () => {
  demo = await makeDemo();
  events = demo.checkpoints.flatMap((file, tx) => {
    const data = decodeCheckpointData(file.bytes);
    const [t] = checkpointFromData(data).transactions;
    const sender = data.transactions[0]!.transaction.data[0]!.intentMessage.value.value.V1.sender;
    return t!.events.map((e) => ({
      tx,
      sender,
      name: `${e.module}::${e.struct}`,
      contents: e.contents,
    }));
  });
}, 120_000);

/** The story's events named `name`, decoded with `layout`, with their transaction and sender. */
function decoded<T>(name: string, layout: { parse(bytes: Uint8Array): T }) {
  return events
    .filter((e) => e.name === name)
    .map((e) => ({ tx: e.tx, sender: e.sender, ...layout.parse(e.contents) }));
}

const hex = (bytes: Uint8Array | number[]) => toHex(Uint8Array.from(bytes));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("the demo's story", () => {
  it("signs every attestation with its attester's registered key, for its submitter, once", async () => {
    const keys = new Map(
      decoded("attester::AttesterRegistered", attester.AttesterRegistered).map((a) => [
        a.attester_id,
        a,
      ]),
    );
    const recorded = decoded("attestation::AttestationRecorded", attestation.AttestationRecorded);
    const messages = new Set<string>();
    for (const a of recorded) {
      expect(a.submitter).toBe(a.sender);
      // `record` accepts a signed time up to an hour old and a minute ahead of the chain clock.
      const age = Number(a.recorded_ms) - Number(a.timestamp_ms);
      expect(age).toBeLessThanOrEqual(3_600_000);
      expect(age).toBeGreaterThanOrEqual(-60_000);
      if (!a.signed) {
        expect(a).toMatchObject({ attester: null, enclave: false, timestamp_ms: a.recorded_ms });
        expect([a.public_key.length, a.signature.length]).toEqual([0, 0]);
        continue;
      }
      const registered = keys.get(a.attester!)!;
      expect(hex(a.public_key)).toBe(hex(registered.public_key));
      expect(a.enclave).toBe(registered.enclave_config !== null);
      const message = attestationMessage(
        { attester: a.attester!, submitter: a.submitter },
        {
          kind: a.kind,
          inputs: a.inputs,
          input_blobs: a.input_blobs,
          outputs: a.outputs,
          output_blobs: a.output_blobs,
          payload_digest: a.payload_digest,
        },
        BigInt(a.timestamp_ms),
      );
      expect(await new Ed25519PublicKey(a.public_key).verify(message, a.signature)).toBe(true);
      messages.add(hex(message));
    }
    expect(messages.size).toBe(recorded.filter((a) => a.signed).length);
    expect(recorded.filter((a) => !a.signed).map((a) => a.attestation_id)).toEqual([
      demo.story.heldOut.splitId,
    ]);
  });

  it("signs every blob with the SHA-256 of its bytes", () => {
    const { raw, clean, trained, heldOut, evaluation } = demo.artifacts;
    const contents: Content[] = [
      raw.content,
      clean.content,
      trained.weights,
      heldOut.content,
      evaluation.metrics,
      ...evaluation.inferences.flatMap((x) => [x.input, x.output]),
    ];
    const known = new Map(contents.map((c) => [c.blobIdU256.toString(), sha256(c.bytes)]));
    const blobs = decoded(
      "attestation::AttestationRecorded",
      attestation.AttestationRecorded,
    ).flatMap((a) => [...a.input_blobs, ...a.output_blobs]);
    expect(blobs.length).toBeGreaterThan(10);
    for (const blob of blobs) expect(hex(blob.sha256)).toBe(known.get(blob.blob_id));
    for (const x of decoded("inference::InferenceRecorded", inference.InferenceRecorded)) {
      expect(hex(x.input_sha256)).toBe(known.get(x.input_blob_id));
      expect(hex(x.output_sha256)).toBe(known.get(x.output_blob_id));
    }
  });

  it("backs each derived dataset and the model with one attestation, every input proven", () => {
    const attestations = new Map(
      decoded("attestation::AttestationRecorded", attestation.AttestationRecorded).map((a) => [
        a.attestation_id,
        a,
      ]),
    );
    const content = new Map<string, { blob_id: string; sha256: Uint8Array }>();
    const claimed = new Set<string>();
    const claim = (by: string | null, blob: { blob_id: string; sha256: Uint8Array }) => {
      const a = attestations.get(by!)!;
      const output = a.output_blobs.find((b) => b.blob_id === blob.blob_id);
      expect(hex(output!.sha256)).toBe(hex(blob.sha256));
      expect(claimed.has(`${by}/${blob.blob_id}`)).toBe(false);
      claimed.add(`${by}/${blob.blob_id}`);
      return a;
    };
    const proven = (a: { inputs: string[]; input_blobs: { blob_id: string }[] }, ids: string[]) => {
      expect([...ids].sort()).toEqual([...a.inputs].sort());
      for (const id of ids)
        expect(a.input_blobs.map((b) => b.blob_id)).toContain(content.get(id)!.blob_id);
    };
    for (const d of decoded("dataset::DatasetRegistered", dataset.DatasetRegistered)) {
      content.set(d.dataset_id, d);
      expect([d.previous, d.revision]).toEqual([null, "1"]);
      if (d.transform === null) {
        expect([d.parents, d.lineage_signed]).toEqual([[], false]);
        continue;
      }
      const transform = claim(d.transform, d);
      expect(transform.kind).toBe(AttestationKind.transform);
      expect(d.lineage_signed).toBe(transform.signed);
      proven(transform, d.parents);
    }
    const [m] = decoded("model::ModelRegistered", model.ModelRegistered);
    const training = claim(m!.training, m!);
    expect(training.kind).toBe(AttestationKind.training);
    // generative or not is the training's signed kind, as `model::begin` reads it
    expect(m!.generative).toBe(false);
    expect(m!.lineage_signed).toBe(true);
    proven(training, m!.datasets);
  });

  it("records unsigned attestations only of what they may state, each backing a new object", () => {
    const unsigned = decoded(
      "attestation::AttestationRecorded",
      attestation.AttestationRecorded,
    ).filter((a) => !a.signed);
    expect(unsigned.length).toBeGreaterThan(0);
    const backers = new Set([
      ...decoded("dataset::DatasetRegistered", dataset.DatasetRegistered).map((d) => d.transform),
      ...decoded("model::ModelRegistered", model.ModelRegistered).map((m) => m.training),
    ]);
    for (const a of unsigned) {
      expect([AttestationKind.evaluation, AttestationKind.inference]).not.toContain(a.kind);
      expect(a.outputs).toEqual([]);
      expect(backers.has(a.attestation_id)).toBe(true);
    }
  });

  it("gives every dataset AI-use terms at least as strict as its parents', tightened only", () => {
    const terms = new Map<string, AiTermsJson>();
    const registered = decoded("dataset::DatasetRegistered", dataset.DatasetRegistered);
    for (const d of registered) {
      const own = termsToJson(d.terms);
      for (const parent of d.parents) expect(atLeastAsStrict(own, terms.get(parent)!)).toBe(true);
      terms.set(d.dataset_id, own);
    }
    const { story } = demo;
    expect(registered.map((d) => [d.dataset_id, termsToJson(d.terms)])).toEqual([
      [story.raw.id, DATASET_TERMS.raw],
      [story.clean.id, DATASET_TERMS.clean],
      [story.heldOut.id, DATASET_TERMS.heldOut],
    ]);
    expect(DATASET_TERMS.raw.ai_generative_training.use).toBe("notAllowed");
    expect(DATASET_TERMS.raw.ai_training).toEqual({
      use: "constrained",
      constraints: [ATTRIBUTION],
    });

    const changes = decoded("dataset::DatasetTermsSet", dataset.DatasetTermsSet);
    expect(changes).toHaveLength(1);
    for (const change of changes) {
      const tightened = termsToJson(change.terms);
      expect(atLeastAsStrict(tightened, terms.get(change.dataset_id)!)).toBe(true);
      expect(tightened).not.toEqual(terms.get(change.dataset_id));
      expect(change.creator).toBe(change.sender);
      expect(change.creator).toBe(
        registered.find((d) => d.dataset_id === change.dataset_id)!.creator,
      );
      expect([change.dataset_id, tightened]).toEqual([story.raw.id, story.termsChange.terms]);
    }
  });

  it("records on the model the constraints of the data it trained on, none of it forbidden", () => {
    const terms = new Map(
      decoded("dataset::DatasetRegistered", dataset.DatasetRegistered).map((d) => [
        d.dataset_id,
        termsToJson(d.terms),
      ]),
    );
    const [m] = decoded("model::ModelRegistered", model.ModelRegistered);
    expect(m!.generative).toBe(false);
    expect(m!.datasets).toEqual([demo.story.clean.id]);
    for (const id of m!.datasets) expect(terms.get(id)!.ai_training.use).not.toBe("notAllowed");
    const expected = m!.datasets
      .map((id) => ({ dataset: id, constraints: terms.get(id)!.ai_training.constraints }))
      .filter((c) => c.constraints.length > 0);
    expect(m!.constraints).toEqual(expected);
    expect(m!.constraints).toEqual([{ dataset: demo.story.clean.id, constraints: [ATTRIBUTION] }]);
    expect(demo.story.model.constraints).toEqual(m!.constraints);
    // The held-out rows may not be trained on; the evaluation only reads them.
    expect(terms.get(demo.story.heldOut.id)!.ai_training.use).toBe("notAllowed");
    const [evaluated] = decoded(
      "attestation::AttestationRecorded",
      attestation.AttestationRecorded,
    ).filter((a) => a.kind === AttestationKind.evaluation);
    expect(evaluated!.inputs).toEqual([m!.model_id, demo.story.heldOut.id]);
  });

  it("registers a plain key by the admin and an enclave from its configuration's document", () => {
    const { story } = demo;
    const [config] = decoded("enclave::EnclaveConfigCreated", enclave.EnclaveConfigCreated);
    expect(config!.pcrs.map((pcr) => pcr.length)).toEqual([48, 48, 48]);
    expect(config!.admin).toBe(story.steward);
    const registered = decoded("attester::AttesterRegistered", attester.AttesterRegistered);
    expect(registered.map((a) => [a.attester_id, a.enclave_config, a.registrant])).toEqual([
      [story.attester.id, null, story.steward],
      [story.enclave.attesterId, config!.config_id, story.lab],
    ]);
    expect(registered[0]!.pcrs).toEqual([]);
    expect(registered[1]!.pcrs.map(hex)).toEqual(config!.pcrs.map(hex));
    expect(registered[1]!.tx).toBeGreaterThan(config!.tx);

    // The enclave's key is the one its attestation document carries, loaded in the same PTB.
    const ptb = Transaction.from(story.chain.executed[registered[1]!.tx]!.data).getData();
    expect(ptb.commands.map((c) => `${c.MoveCall?.module}::${c.MoveCall?.function}`)).toEqual([
      "nitro_attestation::load_nitro_attestation",
      "enclave::register",
    ]);
    const document = ptb.inputs.find((i) => i.Pure && i.Pure.bytes.length > 200)!.Pure!.bytes;
    expect(Buffer.from(document, "base64").toString("hex")).toContain(
      hex(registered[1]!.public_key),
    );
  });

  it("records inferences by the lab's key and by its enclave, each saying which", () => {
    const { story } = demo;
    const recorded = new Map(
      decoded("attestation::AttestationRecorded", attestation.AttestationRecorded).map((a) => [
        a.attestation_id,
        a,
      ]),
    );
    const inferences = decoded("inference::InferenceRecorded", inference.InferenceRecorded);
    expect(inferences.map((x) => [x.attester_id, x.enclave])).toEqual([
      [story.attester.id, false],
      ...inferences.slice(1).map(() => [story.enclave.attesterId, true]),
    ]);
    expect(inferences.length).toBeGreaterThan(1);
    for (const x of inferences) {
      const a = recorded.get(x.attestation_id)!;
      expect(a).toMatchObject({
        kind: AttestationKind.inference,
        attester: x.attester_id,
        enclave: x.enclave,
        inputs: [x.model_id],
        outputs: [],
        timestamp_ms: x.timestamp_ms,
      });
      expect(a.input_blobs).toEqual([{ blob_id: x.input_blob_id, sha256: x.input_sha256 }]);
      expect(a.output_blobs).toEqual([{ blob_id: x.output_blob_id, sha256: x.output_sha256 }]);
      expect(hex(a.payload_digest)).toBe(hex(SERVING_CONFIG_SHA256));
    }
    expect(story.inferences.map((x) => [x.id, x.enclave])).toEqual(
      inferences.map((x) => [x.inference_id, x.enclave]),
    );
  });
});

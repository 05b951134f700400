/**
 * The demo's history, played on the simulated chain: the PTBs of the `verity` package's entry
 * points (the sdk's builders) and the events its Move code emits for them (the sdk's BCS
 * layouts, which golden vectors prove equal to Move's), with attestations signed over the real
 * payloads by a registered attester key or by a (simulated) enclave, and the chain's rules
 * applied: objects backed only by what their attestation signed, every input proven, AI-use
 * terms never loosened and training refused where they forbid it.
 */
import { toHex } from "@mysten/sui/utils";
import { type AiTermsJson, dataset, termsToBcs, transactions } from "@verity/sdk";
import type { SimulatedChain } from "./chain.ts";
import type { CleanDataset } from "./clean.ts";
import type { SourceDataset } from "./dataset.ts";
import { DATASET_TERMS } from "./dataset-terms.ts";
import { emitted } from "./events.ts";
import type { HeldOutDataset } from "./holdout.ts";
import type { Evaluation } from "./infer.ts";
import { doLabWork } from "./lab.ts";
import { participants } from "./participants.ts";
import { type SealPlan, sealPlan } from "./seal.ts";
import { type EnclaveAttester, type RecordedInference, serveModel } from "./serving.ts";
import { setUp } from "./setup.ts";
import { HOUR, Stage } from "./stage.ts";
import { assertTightened, type UsageConstraint } from "./terms.ts";
import type { TrainedModel } from "./train.ts";

/** When the story starts on the chain clock: 2025-06-02 09:00 UTC (fixed, so runs agree). */
export const STORY_START_MS = Date.UTC(2025, 5, 2, 9, 0, 0);

/** Why the steward retracts the raw dataset at the end. */
export const RETRACTION_REASON =
  "demo: the data steward withdrew this release (a simulated consent withdrawal)";

/** What the story did, with the ids a reader can look up. */
export interface Story {
  packageId: string;
  steward: string;
  lab: string;
  /** the lab's plain-key attester */
  attester: { id: string; name: string; publicKey: string };
  /** the lab's enclave attester */
  enclave: EnclaveAttester;
  allowlist: { id: string; members: string[] };
  seal: SealPlan;
  /** `terms` as registered (see `termsChange` for the tightened ones) */
  raw: { id: string; name: string; terms: AiTermsJson };
  clean: { id: string; name: string; transformId: string; terms: AiTermsJson };
  /** the held-out rows, registered by the lab with a self-recorded (unsigned) split */
  heldOut: { id: string; name: string; splitId: string; terms: AiTermsJson };
  model: {
    id: string;
    name: string;
    trainingId: string;
    evaluationId: string;
    generative: boolean;
    constraints: UsageConstraint[];
  };
  inferences: RecordedInference[];
  /** the steward's tightening of the raw dataset's terms */
  termsChange: { txDigest: string; terms: AiTermsJson };
  retraction: { txDigest: string; reason: string };
  chain: SimulatedChain;
}

/** What the story records: the artifacts made from the real dataset. */
export interface Artifacts {
  raw: SourceDataset;
  clean: CleanDataset;
  trained: TrainedModel;
  heldOut: HeldOutDataset;
  evaluation: Evaluation;
}

/**
 * Plays the story: the steward registers the lab's attester key, makes an allowlist (the Seal
 * policy) and registers the raw dataset under it with its AI-use terms (`setUp`); the lab
 * derives the cleaned dataset, trains and evaluates the model and sets the held-out rows apart
 * (`doLabWork`); the steward tightens the raw dataset's terms; the lab serves the model, first
 * with its key, then from an enclave (`serveModel`); then the steward retracts the raw dataset.
 *
 * @throws Error naming the Move abort when a step breaks a rule the chain enforces
 */
export async function playStory(artifacts: Artifacts): Promise<Story> {
  const stage = new Stage(STORY_START_MS);
  const { pkg, steward } = stage;
  const setup = await setUp(stage, artifacts.raw);
  const work = await doLabWork(stage, artifacts, setup);
  const rawId = setup.raw.id;

  // The steward tightens the raw dataset's terms for whatever comes next: training on it is
  // non-commercial too from now on. The model keeps the constraints it was trained under.
  const tightened = DATASET_TERMS.rawTightened;
  assertTightened(tightened, setup.raw.fields.terms);
  const termsChange = await stage.step(
    participants.steward,
    2 * HOUR,
    (tx) => transactions.dataset.setTerms(tx, pkg, rawId, tightened),
    (_, now) => ({
      created: [],
      events: [
        emitted(
          "dataset",
          "DatasetTermsSet",
          dataset.DatasetTermsSet.serialize({
            dataset_id: rawId,
            terms: termsToBcs(tightened),
            creator: steward,
            timestamp_ms: now,
          }),
        ),
      ],
    }),
  );

  const served = await serveModel(
    stage,
    work.model.id,
    setup.attester,
    artifacts.evaluation.inferences,
  );

  // The steward retracts the raw dataset: everything derived from it is now tainted.
  const retraction = await stage.step(
    participants.steward,
    2 * 24 * HOUR,
    (tx) => transactions.dataset.retract(tx, pkg, rawId, RETRACTION_REASON),
    (_, now) => ({
      created: [],
      events: [
        emitted(
          "dataset",
          "DatasetRetracted",
          dataset.DatasetRetracted.serialize({
            dataset_id: rawId,
            creator: steward,
            reason: RETRACTION_REASON,
            timestamp_ms: now,
          }),
        ),
      ],
    }),
  );

  const { attester, allowlist, raw } = setup;
  const { clean, model, heldOut } = work;
  return {
    packageId: pkg,
    steward,
    lab: stage.lab,
    attester: {
      id: attester.id,
      name: attester.name,
      publicKey: toHex(attester.signer.getPublicKey().toRawBytes()),
    },
    enclave: served.enclave,
    allowlist,
    seal: sealPlan(pkg, allowlist.id, raw.fields.content.sha256),
    raw: { id: raw.id, name: raw.fields.name, terms: raw.fields.terms },
    clean: {
      id: clean.id,
      name: clean.fields.name,
      transformId: clean.transformId,
      terms: clean.fields.terms,
    },
    heldOut: {
      id: heldOut.id,
      name: heldOut.fields.name,
      splitId: heldOut.splitId,
      terms: heldOut.fields.terms,
    },
    model: {
      id: model.id,
      name: model.fields.name,
      trainingId: model.trainingId,
      evaluationId: work.evaluationId,
      generative: model.generative,
      constraints: model.constraints,
    },
    inferences: served.inferences,
    termsChange: { txDigest: termsChange.digest, terms: tightened },
    retraction: { txDigest: retraction.digest, reason: RETRACTION_REASON },
    chain: stage.chain,
  };
}

import { AttestationKind, transactions } from "@verity/sdk";
import type { CleanDataset } from "./clean.ts";
import { DATASET_TERMS } from "./dataset-terms.ts";
import {
  type DatasetFields,
  datasetRegistered,
  type ModelFields,
  modelRegistered,
  payloadOf,
  recorded,
  recordedSelf,
  registrationOf,
} from "./events.ts";
import type { HeldOutDataset } from "./holdout.ts";
import type { Evaluation } from "./infer.ts";
import { participants } from "./participants.ts";
import { assertBacks, assertSelfRecordable, trainsGenerative } from "./rules.ts";
import type { Setup } from "./setup.ts";
import { HOUR, MINUTE, type Stage } from "./stage.ts";
import { assertDerivable, type UsageConstraint, usageConstraint } from "./terms.ts";
import { TRAINING_CONFIG, type TrainedModel } from "./train.ts";

/** What the lab made: the cleaned dataset, the model, the held-out rows and the evaluation. */
export interface LabWork {
  clean: { id: string; fields: DatasetFields; transformId: string };
  model: {
    id: string;
    fields: ModelFields;
    trainingId: string;
    /** whether it generates content, as its training's signed kind says */
    generative: boolean;
    /** what its training data's terms put on it, as the chain recorded it */
    constraints: UsageConstraint[];
  };
  heldOut: { id: string; fields: DatasetFields; splitId: string };
  evaluationId: string;
}

/** The lab's artifacts, made from the raw dataset. */
interface LabArtifacts {
  clean: CleanDataset;
  trained: TrainedModel;
  heldOut: HeldOutDataset;
  evaluation: Evaluation;
}

/**
 * The lab's act, each attestation recorded and claimed in one PTB: a signed transform with the
 * cleaned dataset; a signed training (of kind training: the model is not generative) with the
 * model, on which the chain records the constraints the cleaned dataset's terms put on it; a
 * self-recorded split (claimed lineage, which may link only the lab's own datasets, and must
 * back the dataset it makes) with the held-out rows, whose terms forbid training on them; a
 * signed evaluation of the model on them (signed: an unsigned attestation cannot state one).
 *
 * @throws Error naming the Move abort when a step breaks a rule the chain enforces
 */
export async function doLabWork(
  stage: Stage,
  { clean, trained, heldOut, evaluation }: LabArtifacts,
  { attester, allowlist, raw }: Setup,
): Promise<LabWork> {
  const { pkg, lab } = stage;
  /** A dataset the lab derives: under the raw dataset's licence and Seal allowlist. */
  const derived = (
    name: string,
    content: DatasetFields["content"],
    terms: DatasetFields["terms"],
  ): DatasetFields => ({ name, content, license: raw.fields.license, terms, policy: allowlist.id });

  const cleanFields = derived(
    "palmer-penguins-clean (complete records, CSV)",
    clean.content,
    DATASET_TERMS.clean,
  );
  assertDerivable(cleanFields.terms, [raw.fields.terms]);
  const transform = await stage.sign(
    attester,
    payloadOf(
      AttestationKind.transform,
      [raw.id],
      [raw.fields.content],
      [clean.content],
      clean.recipeSha256,
    ),
    HOUR,
    30_000,
  );
  assertBacks(transform.payload, clean.content, [{ id: raw.id, content: raw.fields.content }]);
  const {
    created: [transformId, cleanId],
  } = await stage.step(
    participants.lab,
    HOUR,
    (tx) => {
      const a = stage.record(tx, transform);
      transactions.dataset.registerDerived(tx, pkg, a, [raw.id], registrationOf(cleanFields));
      transactions.attestation.finalize(tx, pkg, a);
    },
    (ids, now) => ({
      created: ["immutable", "shared"],
      events: [
        recorded(ids(0), transform, now),
        datasetRegistered(ids(1), lab, cleanFields, lineage([raw.id], ids(0), true), now),
      ],
    }),
  );

  const modelFields: ModelFields = {
    name: "penguin-species-logreg",
    weights: trained.weights,
    architecture: "logistic-regression (one-vs-rest, 4 features + intercept, 3 classes)",
    framework: TRAINING_CONFIG.library,
  };
  const training = await stage.sign(
    attester,
    payloadOf(
      AttestationKind.training,
      [cleanId!],
      [clean.content],
      [trained.weights],
      trained.configSha256,
    ),
    30 * MINUTE,
    20_000,
  );
  assertBacks(training.payload, trained.weights, [{ id: cleanId!, content: clean.content }]);
  const generative = trainsGenerative(training.payload.kind);
  const constraints = [usageConstraint(cleanId!, cleanFields.terms, generative)].filter(
    (c) => c !== undefined,
  );
  const {
    created: [trainingId, modelId],
  } = await stage.step(
    participants.lab,
    30 * MINUTE,
    (tx) => {
      const a = stage.record(tx, training);
      transactions.model.register(tx, pkg, a, [cleanId!], {
        ...modelFields,
        blobId: trained.weights.blobIdU256,
        sha256: trained.weights.sha256,
        size: trained.weights.size,
      });
      transactions.attestation.finalize(tx, pkg, a);
    },
    (ids, now) => ({
      created: ["immutable", "immutable"],
      events: [
        recorded(ids(0), training, now),
        modelRegistered(
          ids(1),
          lab,
          modelFields,
          { id: ids(0), signed: true, kind: training.payload.kind },
          [cleanId!],
          constraints,
          now,
        ),
      ],
    }),
  );

  const heldOutFields = derived(
    "palmer-penguins-heldout (every 5th cleaned record, CSV)",
    heldOut.content,
    DATASET_TERMS.heldOut,
  );
  assertDerivable(heldOutFields.terms, [cleanFields.terms]);
  const split = payloadOf(
    AttestationKind.transform,
    [cleanId!],
    [clean.content],
    [heldOut.content],
    heldOut.recipeSha256,
  );
  assertBacks(split, heldOut.content, [{ id: cleanId!, content: clean.content }]);
  assertSelfRecordable(split, [heldOut.content]);
  const {
    created: [splitId, heldOutId],
  } = await stage.step(
    participants.lab,
    5 * MINUTE,
    (tx) => {
      const a = transactions.attestation.recordSelf(tx, pkg, split);
      transactions.dataset.registerDerived(tx, pkg, a, [cleanId!], registrationOf(heldOutFields));
      transactions.attestation.finalize(tx, pkg, a);
    },
    (ids, now) => ({
      created: ["immutable", "shared"],
      events: [
        recordedSelf(ids(0), split, lab, now),
        datasetRegistered(ids(1), lab, heldOutFields, lineage([cleanId!], ids(0), false), now),
      ],
    }),
  );

  const evaluated = await stage.sign(
    attester,
    payloadOf(
      AttestationKind.evaluation,
      [modelId!, heldOutId!],
      [trained.weights, heldOut.content],
      [evaluation.metrics],
      evaluation.metrics.sha256,
    ),
    10 * MINUTE,
    10_000,
  );
  const {
    created: [evaluationId],
  } = await stage.step(
    participants.lab,
    10 * MINUTE,
    (tx) => transactions.attestation.finalize(tx, pkg, stage.record(tx, evaluated)),
    (ids, now) => ({ created: ["immutable"], events: [recorded(ids(0), evaluated, now)] }),
  );

  return {
    clean: { id: cleanId!, fields: cleanFields, transformId: transformId! },
    model: { id: modelId!, fields: modelFields, trainingId: trainingId!, generative, constraints },
    heldOut: { id: heldOutId!, fields: heldOutFields, splitId: splitId! },
    evaluationId: evaluationId!,
  };
}

const lineage = (parents: string[], transform: string, signed: boolean) => ({
  parents,
  transform,
  signed,
});

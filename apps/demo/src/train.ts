/// <reference path="./ml-logistic-regression.d.ts" />
import LogisticRegression, { type LogisticRegressionModel } from "ml-logistic-regression";
import { Matrix } from "ml-matrix";
import type { Penguin } from "./clean.ts";
import { type Content, jsonContent, jsonSha256 } from "./content.ts";

/** The measurements the model reads, in order. */
export const FEATURES = [
  "beak_length_mm",
  "beak_depth_mm",
  "flipper_length_mm",
  "body_mass_g",
] as const satisfies readonly (keyof Penguin)[];

/** A penguin's measurements: what the model takes. */
export type Measurements = Pick<Penguin, (typeof FEATURES)[number]>;

/**
 * How the model is trained, as data: its digest is the training attestation's
 * `payload_digest`. Gradient descent from zero weights over a fixed split is deterministic, so
 * the same rows always give the same weights.
 */
export const TRAINING_CONFIG = {
  task: "predict species from beak, flipper and body-mass measurements",
  algorithm: "multinomial one-vs-rest logistic regression with intercept",
  library: "ml-logistic-regression@2",
  numSteps: 1000,
  learningRate: 0.01,
  features: FEATURES,
  standardization: "z-score with the training rows' mean and standard deviation",
  split: "every 5th row of the cleaned dataset (1-based) held out for evaluation",
} as const;

/** The weights file: everything needed to predict, as JSON. */
interface WeightsFile {
  format: "verity-demo/penguin-species@1";
  features: readonly string[];
  classes: string[];
  mean: number[];
  std: number[];
  model: LogisticRegressionModel;
}

/** A trained species classifier and how it was made. */
export interface TrainedModel {
  /** the weights file (JSON); what gets registered as the model's blob */
  weights: Content;
  /** SHA-256 of `TRAINING_CONFIG` as JSON: what the training attestation signs */
  configSha256: Uint8Array;
  train: Penguin[];
  /** held-out rows, never seen in training */
  test: Penguin[];
}

/** Splits rows as `TRAINING_CONFIG.split` says. */
export function splitRows(rows: Penguin[]): { train: Penguin[]; test: Penguin[] } {
  return {
    train: rows.filter((_, i) => i % 5 !== 4),
    test: rows.filter((_, i) => i % 5 === 4),
  };
}

/** Standardized features of `rows`, with a constant 1 for the intercept. */
function design(rows: Measurements[], mean: number[], std: number[]): Matrix {
  return new Matrix(
    rows.map((row) => [...FEATURES.map((f, j) => (row[f] - mean[j]!) / std[j]!), 1]),
  );
}

/** Trains the species classifier in-process on the training split of `rows`. */
export function trainSpeciesModel(rows: Penguin[]): TrainedModel {
  const { train, test } = splitRows(rows);
  const classes = [...new Set(train.map((row) => row.species))].sort();
  const mean = FEATURES.map((f) => train.reduce((sum, row) => sum + row[f], 0) / train.length);
  const std = FEATURES.map((f, j) =>
    Math.sqrt(train.reduce((sum, row) => sum + (row[f] - mean[j]!) ** 2, 0) / train.length),
  );
  const model = new LogisticRegression({
    numSteps: TRAINING_CONFIG.numSteps,
    learningRate: TRAINING_CONFIG.learningRate,
  });
  model.train(
    design(train, mean, std),
    Matrix.columnVector(train.map((row) => classes.indexOf(row.species))),
  );
  const file: WeightsFile = {
    format: "verity-demo/penguin-species@1",
    features: FEATURES,
    classes,
    mean,
    std,
    model: model.toJSON(),
  };
  return { weights: jsonContent(file), configSha256: jsonSha256(TRAINING_CONFIG), train, test };
}

/**
 * A predictor read back from a weights file (the bytes `trainSpeciesModel` registered): the
 * species of each penguin.
 *
 * @throws Error when the bytes are not such a file
 */
export function loadSpeciesModel(weights: Uint8Array): (rows: Measurements[]) => string[] {
  const file = JSON.parse(new TextDecoder().decode(weights)) as WeightsFile;
  if (file.format !== "verity-demo/penguin-species@1")
    throw new Error(`not a penguin-species weights file (format ${String(file.format)})`);
  const model = LogisticRegression.load(file.model);
  return (rows) =>
    model.predict(design(rows, file.mean, file.std)).map((index) => file.classes[index]!);
}

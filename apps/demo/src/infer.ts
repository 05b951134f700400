import type { Penguin } from "./clean.ts";
import { type Content, jsonContent, jsonSha256 } from "./content.ts";
import { FEATURES, loadSpeciesModel, type Measurements } from "./train.ts";

/**
 * How the model is served, as data: its digest is every inference attestation's
 * `payload_digest`, so the attester commits to how requests became answers.
 */
export const SERVING_CONFIG = {
  request: "JSON object of the measurements, by feature name",
  features: FEATURES,
  response: 'JSON object {"species": <name>}',
  decision: "the class its one-vs-rest classifiers rank first (ml-logistic-regression predict)",
} as const;

/** SHA-256 of `SERVING_CONFIG` as JSON, 32 bytes. */
export const SERVING_CONFIG_SHA256 = jsonSha256(SERVING_CONFIG);

/** One recorded inference: the request and response bytes, and what the answer should be. */
export interface Inference {
  /** the measurements sent to the model (JSON) */
  input: Content;
  /** the model's answer, `{"species": …}` (JSON) */
  output: Content;
  predicted: string;
  /** the species the held-out row records */
  expected: string;
}

/** What running the model over the held-out rows gave. */
export interface Evaluation {
  /** rows evaluated, and how many the model got right */
  rows: number;
  correct: number;
  /** correct / rows */
  accuracy: number;
  /** `{ rows, correct, accuracy }` as JSON: what the evaluation attestation signs */
  metrics: Content;
  /** the inferences to record on chain: `recorded` held-out rows, each species in turn */
  inferences: Inference[];
}

/**
 * Runs the model, read back from its weights file, over every held-out row (input: the four
 * measurements; output: `{"species": …}`), and keeps `recorded` of the requests, taken from
 * each species in turn, as JSON bytes with their blob ids and SHA-256s: only those get blob ids,
 * the costly part (README, Measurements).
 */
export function evaluateModel(
  weights: Uint8Array,
  heldOut: Penguin[],
  recorded: number,
): Evaluation {
  const predict = loadSpeciesModel(weights);
  const inputs: Measurements[] = heldOut.map(
    (row) => Object.fromEntries(FEATURES.map((f) => [f, row[f]])) as Measurements,
  );
  const predicted = predict(inputs);
  const correct = heldOut.filter((row, i) => predicted[i] === row.species).length;
  const accuracy = correct / heldOut.length;
  const species = [...new Set(heldOut.map((row) => row.species))].sort();
  const groups = species.map((name) =>
    [...heldOut.keys()].filter((i) => heldOut[i]!.species === name),
  );
  // The first row of each species, then the second of each, …
  const picks = Array.from(
    { length: heldOut.length },
    (_, k) => groups[k % groups.length]![Math.floor(k / groups.length)],
  )
    .filter((i) => i !== undefined)
    .slice(0, recorded);
  return {
    rows: heldOut.length,
    correct,
    accuracy,
    metrics: jsonContent({ rows: heldOut.length, correct, accuracy }),
    inferences: picks.map((i) => ({
      input: jsonContent(inputs[i]),
      output: jsonContent({ species: predicted[i] }),
      predicted: predicted[i]!,
      expected: heldOut[i]!.species,
    })),
  };
}

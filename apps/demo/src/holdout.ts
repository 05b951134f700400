import { type Penguin, toCsv } from "./clean.ts";
import { type Content, contentOf, jsonSha256 } from "./content.ts";
import { TRAINING_CONFIG } from "./train.ts";

/**
 * What registering the held-out rows does, as data: its digest is the (self-recorded) split
 * attestation's `payload_digest`.
 */
export const HOLD_OUT_RECIPE = {
  transform: "verity-demo/hold-out-penguins",
  version: 1,
  rule: TRAINING_CONFIG.split,
  format: "the cleaned dataset's CSV: same header, same columns, rows in the same order",
} as const;

/** The rows the model never saw in training, as their own dataset. */
export interface HeldOutDataset {
  rows: Penguin[];
  /** the rows as CSV (`text/csv`) */
  content: Content;
  /** SHA-256 of `HOLD_OUT_RECIPE` as JSON */
  recipeSha256: Uint8Array;
}

/** The held-out rows (`TrainedModel.test`) as a dataset (`HOLD_OUT_RECIPE`). */
export function holdOut(test: Penguin[]): HeldOutDataset {
  return {
    rows: test,
    content: contentOf(toCsv(test), "text/csv"),
    recipeSha256: jsonSha256(HOLD_OUT_RECIPE),
  };
}

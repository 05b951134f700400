import type { AiTermsJson } from "@verity/sdk";
import { allowed, constrained, notAllowed } from "./terms.ts";

/** The citation the data's publishers ask for, as a constraint on its AI use. */
export const ATTRIBUTION =
  "attribution required: cite Gorman, Williams & Fraser (2014), PLoS ONE 9(3): e90081, and Palmer Station LTER";

/** What the steward adds to the raw dataset's training terms late in the story. */
export const NON_COMMERCIAL = "non-commercial research and teaching only";

/**
 * The AI-use terms (C2PA / CAWG) of the demo's datasets, in the sdk's JSON shape. Each derived
 * dataset's are at least as strict as its parent's, as the chain requires; no model is trained
 * on data whose terms forbid it.
 */
export const DATASET_TERMS = {
  /** the steward's: training with attribution, no generative training */
  raw: {
    ai_training: constrained(ATTRIBUTION),
    ai_generative_training: notAllowed,
    ai_inference: allowed,
    data_mining: allowed,
  },
  /** the lab's cleaned copy: data mining, too, with attribution */
  clean: {
    ai_training: constrained(ATTRIBUTION),
    ai_generative_training: notAllowed,
    ai_inference: allowed,
    data_mining: constrained(ATTRIBUTION),
  },
  /** the held-out rows: never to be trained on, so that evaluations on them stay honest */
  heldOut: {
    ai_training: notAllowed,
    ai_generative_training: notAllowed,
    ai_inference: allowed,
    data_mining: constrained(ATTRIBUTION),
  },
  /** the raw dataset's, as the steward tightens them after the model: training non-commercial */
  rawTightened: {
    ai_training: constrained(ATTRIBUTION, NON_COMMERCIAL),
    ai_generative_training: notAllowed,
    ai_inference: allowed,
    data_mining: constrained(ATTRIBUTION),
  },
} as const satisfies Record<string, AiTermsJson>;

/**
 * The AI-use terms rules the simulated chain applies, as `verity::terms` and `verity::model`
 * state them: strictness, tightening, and what training records or refuses.
 */
import { describe, expect, it } from "vitest";
import { ATTRIBUTION, DATASET_TERMS, NON_COMMERCIAL } from "../src/dataset-terms.ts";
import {
  allowed,
  assertDerivable,
  assertTightened,
  atLeastAsStrict,
  constrained,
  notAllowed,
  usageConstraint,
} from "../src/terms.ts";

const open = {
  ai_training: allowed,
  ai_generative_training: allowed,
  ai_inference: allowed,
  data_mining: allowed,
};

describe("AI-use terms", () => {
  it("order not allowed over constrained over allowed, and more constraints over fewer", () => {
    const attribution = { ...open, ai_training: constrained(ATTRIBUTION) };
    const both = { ...open, ai_training: constrained(NON_COMMERCIAL, ATTRIBUTION) };
    const forbidden = { ...open, ai_training: notAllowed };
    expect(atLeastAsStrict(attribution, open)).toBe(true);
    expect(atLeastAsStrict(open, attribution)).toBe(false);
    expect(atLeastAsStrict(both, attribution)).toBe(true);
    expect(atLeastAsStrict(attribution, both)).toBe(false);
    expect(atLeastAsStrict(forbidden, both)).toBe(true);
    expect(atLeastAsStrict(both, forbidden)).toBe(false);
    expect(atLeastAsStrict(open, open)).toBe(true);
    expect(() => constrained()).toThrow("terms::EEmptyConstraint");
    expect(() => constrained("")).toThrow("terms::EEmptyConstraint");
  });

  it("are refused looser than a parent's, or loosened", () => {
    const { raw, clean, heldOut, rawTightened } = DATASET_TERMS;
    expect(() => assertDerivable(clean, [raw])).not.toThrow();
    expect(() => assertDerivable(heldOut, [clean])).not.toThrow();
    expect(() => assertDerivable(raw, [clean])).toThrow("dataset::ETermsLooserThanParent");
    expect(() => assertTightened(rawTightened, raw)).not.toThrow();
    expect(() => assertTightened(raw, rawTightened)).toThrow("dataset::ETermsLoosened");
  });

  it("record training constraints on the model, and refuse forbidden training", () => {
    const generativeTerms = {
      ...open,
      ai_training: constrained(ATTRIBUTION),
      ai_generative_training: constrained(ATTRIBUTION, NON_COMMERCIAL),
    };
    expect(usageConstraint("0x1", DATASET_TERMS.clean, false)).toEqual({
      dataset: "0x1",
      constraints: [ATTRIBUTION],
    });
    expect(usageConstraint("0x1", generativeTerms, true)).toEqual({
      dataset: "0x1",
      constraints: [ATTRIBUTION, NON_COMMERCIAL],
    });
    expect(usageConstraint("0x1", open, true)).toBeUndefined();
    expect(() => usageConstraint("0x1", DATASET_TERMS.heldOut, false)).toThrow(
      "model::ETrainingNotAllowed",
    );
    expect(() => usageConstraint("0x1", DATASET_TERMS.raw, true)).toThrow(
      "model::EGenerativeTrainingNotAllowed",
    );
  });
});

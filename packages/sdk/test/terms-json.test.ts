import { readFileSync } from "node:fs";
import { fromHex } from "@mysten/bcs";
import { describe, expect, it } from "vitest";
import { dataset, permissionToJson, terms, termsToBcs, termsToJson } from "../src/index.ts";

/** The `DatasetRegistered` captured from the Move VM (golden_tests.move's `story_terms`). */
const registered = (
  JSON.parse(readFileSync(new URL("./fixtures/golden-vectors.json", import.meta.url), "utf8")) as {
    vectors: { type: string; bcs: string }[];
  }
).vectors.find((v) => v.type === "dataset::DatasetRegistered")!;

describe("AI-use terms as JSON", () => {
  it("converts terms decoded from the Move VM's bytes, constraints on every entry", () => {
    const event = dataset.DatasetRegistered.parse(fromHex(registered.bcs));
    expect(termsToJson(event.terms)).toEqual({
      ai_training: { use: "constrained", constraints: ["attribution", "non-commercial"] },
      ai_generative_training: { use: "constrained", constraints: ["no style imitation"] },
      ai_inference: { use: "allowed", constraints: [] },
      data_mining: { use: "notAllowed", constraints: [] },
    });
  });

  it("converts each permission, with or without its $kind", () => {
    const decoded = (value: Parameters<typeof terms.Permission.serialize>[0]) =>
      terms.Permission.parse(terms.Permission.serialize(value).toBytes());
    expect(permissionToJson(decoded({ Allowed: null }))).toEqual({
      use: "allowed",
      constraints: [],
    });
    expect(permissionToJson(decoded({ NotAllowed: null }))).toEqual({
      use: "notAllowed",
      constraints: [],
    });
    expect(permissionToJson(decoded({ Constrained: ["a", "b"] }))).toEqual({
      use: "constrained",
      constraints: ["a", "b"],
    });
    expect(permissionToJson({ NotAllowed: true })).toEqual({ use: "notAllowed", constraints: [] });
  });

  it("encodes JSON terms back to the bytes the Move VM made", () => {
    const event = dataset.DatasetRegistered.parse(fromHex(registered.bcs));
    const bytes = terms.AiTerms.serialize(termsToBcs(termsToJson(event.terms))).toBytes();
    expect(bytes).toEqual(terms.AiTerms.serialize(event.terms).toBytes());
    expect(termsToJson(terms.AiTerms.parse(bytes))).toEqual(termsToJson(event.terms));
  });

  it("copies the constraints instead of sharing the decoded array", () => {
    const constraints = ["a"];
    const json = permissionToJson({ Constrained: constraints });
    json.constraints.push("b");
    expect(constraints).toEqual(["a"]);
  });

  it("refuses a value that is no permission instead of reading it as allowed", () => {
    expect(() => permissionToJson({ Sometimes: true } as never)).toThrow(
      'not a verity::terms::Permission: {"Sometimes":true}',
    );
  });
});

/**
 * The demo's real data work: the dataset is the npm package's file, the cleaning drops what is
 * incomplete, the model is trained deterministically and predicts from its own weights file.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanPenguins } from "../src/clean.ts";
import { loadPenguins } from "../src/dataset.ts";
import { holdOut } from "../src/holdout.ts";
import { evaluateModel } from "../src/infer.ts";
import { loadSpeciesModel, splitRows, trainSpeciesModel } from "../src/train.ts";

const raw = loadPenguins();
const clean = cleanPenguins(raw.records);

describe("the dataset", () => {
  it("is the file vega-datasets ships, byte for byte", () => {
    const root = dirname(dirname(createRequire(import.meta.url).resolve("vega-datasets")));
    const file = readFileSync(join(root, "data", "penguins.json"));
    expect(Buffer.from(raw.content.bytes).equals(file)).toBe(true);
    expect(raw.origin).toMatch(/^vega-datasets@\d+\.\d+\.\d+:data\/penguins\.json$/);
    expect(raw.license).toBe("CC0-1.0");
    expect(raw.records).toHaveLength(344);
    expect(Buffer.from(raw.content.sha256).toString("hex")).toBe(
      createHash("sha256").update(file).digest("hex"),
    );
  });
});

describe("the cleaning transform", () => {
  it("keeps the complete records as CSV", () => {
    expect(clean.rows).toHaveLength(333);
    expect(clean.dropped).toBe(11);
    const text = new TextDecoder().decode(clean.content.bytes);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "species,island,beak_length_mm,beak_depth_mm,flipper_length_mm,body_mass_g,sex",
    );
    expect(lines[1]).toBe("Adelie,Torgersen,39.1,18.7,181,3750,male");
    expect(lines).toHaveLength(334);
    expect(text).not.toMatch(/null|,\.,|,\.$/m);
    expect(clean.content.mediaType).toBe("text/csv");
  });
});

describe("the model", () => {
  const trained = trainSpeciesModel(clean.rows);

  it("is trained on the training split only, the same weights every time", () => {
    const { train, test } = splitRows(clean.rows);
    expect(trained.train).toEqual(train);
    expect(trained.test).toEqual(test);
    expect(train.length + test.length).toBe(clean.rows.length);
    expect(test.some((row) => train.includes(row))).toBe(false);
    expect(Buffer.from(trainSpeciesModel(clean.rows).weights.bytes)).toEqual(
      Buffer.from(trained.weights.bytes),
    );
  });

  it("predicts the held-out species from its weights file", () => {
    const evaluation = evaluateModel(trained.weights.bytes, trained.test, 3);
    expect(evaluation.rows).toBe(trained.test.length);
    expect(evaluation.accuracy).toBeGreaterThan(0.9);
    expect(new Set(evaluation.inferences.map((x) => x.expected))).toEqual(
      new Set(["Adelie", "Chinstrap", "Gentoo"]),
    );
    for (const x of evaluation.inferences) {
      expect(JSON.parse(new TextDecoder().decode(x.output.bytes))).toEqual({
        species: x.predicted,
      });
      const input = JSON.parse(new TextDecoder().decode(x.input.bytes));
      expect(loadSpeciesModel(trained.weights.bytes)([input])).toEqual([x.predicted]);
    }
  });

  it("sets the held-out rows apart as a CSV of the cleaned dataset's every 5th record", () => {
    const heldOut = holdOut(trained.test);
    const cleanLines = new TextDecoder().decode(clean.content.bytes).trimEnd().split("\n");
    const lines = new TextDecoder().decode(heldOut.content.bytes).trimEnd().split("\n");
    expect(lines[0]).toBe(cleanLines[0]);
    expect(lines.slice(1)).toEqual(cleanLines.slice(1).filter((_, i) => i % 5 === 4));
    expect(heldOut.rows).toBe(trained.test);
    expect(heldOut.content.mediaType).toBe("text/csv");
  });

  it("refuses bytes that are not its weights file", () => {
    expect(() => loadSpeciesModel(new TextEncoder().encode('{"format":"other"}'))).toThrow(
      "not a penguin-species weights file (format other)",
    );
  });
});

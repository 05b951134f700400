import { readFileSync } from "node:fs";
import { fromHex, toHex } from "@mysten/bcs";
import { describe, expect, it } from "vitest";
import {
  isVerityEventName,
  isVerityObjectName,
  verityEvents,
  verityObjects,
} from "../src/index.ts";
import { goldenExpected } from "./support/golden-expected.ts";

interface GoldenVector {
  type: string;
  bcs: string;
  expected: unknown;
}

/** BCS bytes captured from the real Move VM by `pnpm golden:capture`. */
const { vectors } = JSON.parse(
  readFileSync(new URL("./fixtures/golden-vectors.json", import.meta.url), "utf8"),
) as { vectors: GoldenVector[] };
/**
 * What each vector decodes to, in the decoded shapes (`Uint8Array` byte vectors; the fixture's
 * `expected` is its JSON, which `pnpm golden:check` keeps equal to it).
 */
const expected = await goldenExpected();

const layoutOf = (type: string) => {
  if (isVerityEventName(type)) return verityEvents[type];
  if (isVerityObjectName(type)) return verityObjects[type];
  throw new Error(`the sdk has no layout for ${type}`);
};

describe("golden vectors (events and objects) from the Move VM", () => {
  it.each(vectors.map((v) => [v.type, v] as const))(
    "%s decodes to the expected value, to its last byte",
    (_, v) => {
      const layout = layoutOf(v.type);
      expect(layout.parse(fromHex(v.bcs))).toEqual(expected[v.type]);
      expect(toHex(layout.serialize(layout.parse(fromHex(v.bcs)) as never).toBytes())).toBe(v.bcs);
    },
  );

  it("covers every event and object layout the sdk declares", () => {
    const declared = [...Object.keys(verityEvents), ...Object.keys(verityObjects)];
    expect(vectors.map((v) => v.type).sort()).toEqual(declared.sort());
  });

  it("rejects a truncated vector instead of decoding garbage", () => {
    const v = vectors.find((x) => x.type === "dataset::DatasetRegistered")!;
    expect(() => layoutOf(v.type).parse(fromHex(v.bcs.slice(0, -20)))).toThrow();
  });

  it("knows no event or object outside the package", () => {
    expect(isVerityEventName("dataset::Nope")).toBe(false);
    expect(isVerityEventName("toString")).toBe(false);
    expect(isVerityEventName("dataset::Dataset")).toBe(false);
    expect(isVerityObjectName("dataset::DatasetRegistered")).toBe(false);
    expect(isVerityObjectName("constructor")).toBe(false);
  });
});

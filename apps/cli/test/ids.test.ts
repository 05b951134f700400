/** Ids parsed on the command line are spelled as Sui spells them. */
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { objectIdArgument } from "../src/ids.ts";

describe("objectIdArgument", () => {
  it("returns what normalizeSuiAddress returns", () => {
    for (const id of ["0x2", "0xA92", `0x${"Ab".repeat(32)}`, `0x${"0".repeat(63)}1`]) {
      expect(objectIdArgument(id)).toBe(normalizeSuiAddress(id.toLowerCase()));
    }
  });

  it("refuses what is not 0x and 1 to 64 hex digits", () => {
    for (const bad of ["2", "0x", "0xg1", `0x${"1".repeat(65)}`, " 0x2"]) {
      expect(() => objectIdArgument(bad)).toThrow(InvalidArgumentError);
    }
  });
});

/** The sdk's `Address` layout decodes and encodes as `@mysten/sui`'s `bcs.Address` does. */
import { randomBytes } from "node:crypto";
import { bcs } from "@mysten/sui/bcs";
import { describe, expect, it } from "vitest";
import { Address } from "../src/contracts/verity/common.ts";

describe("Address", () => {
  it("decodes any 32 bytes to the text bcs.Address gives", () => {
    const samples = [
      new Uint8Array(32),
      new Uint8Array(32).fill(255),
      ...[1, 2, 3].map(() => randomBytes(32)),
    ];
    for (const bytes of samples) {
      expect(Address.parse(bytes)).toBe(bcs.Address.parse(bytes));
      expect(Address.parse(bytes)).toMatch(/^0x[0-9a-f]{64}$/);
    }
  });

  it("encodes every form bcs.Address takes to the same bytes, and refuses what it refuses", () => {
    const full = `0x${"ab".repeat(32)}`;
    for (const value of [
      "0x2",
      "0X2",
      full,
      full.toUpperCase().replace("0X", "0x"),
      randomBytes(32),
    ]) {
      expect(Address.serialize(value).toHex()).toBe(bcs.Address.serialize(value).toHex());
    }
    for (const bad of ["0xzz", `0x${"a".repeat(65)}`, new Uint8Array(31)]) {
      expect(() => bcs.Address.serialize(bad)).toThrow();
      expect(() => Address.serialize(bad)).toThrow();
    }
  });
});

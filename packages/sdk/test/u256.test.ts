/**
 * Blob ids as u256: the sdk's `BlobId` layout decodes and encodes as `bcs.u256()` does, and
 * `blobIdFromU256` spells them as `@mysten/walrus`' `blobIdFromInt` does.
 */
import { randomBytes } from "node:crypto";
import { bcs } from "@mysten/sui/bcs";
import { blobIdFromInt } from "@mysten/walrus";
import { describe, expect, it } from "vitest";
import { BlobId } from "../src/contracts/verity/common.ts";
import { blobIdFromU256, U256_MAX } from "../src/walrus/u256.ts";

const samples = [
  0n,
  1n,
  255n,
  256n,
  1n << 64n,
  U256_MAX,
  ...[1, 2, 3, 4, 5].map(() => BigInt(`0x${randomBytes(32).toString("hex")}`)),
];

describe("BlobId", () => {
  it("decodes any 32 bytes to the decimal string bcs.u256() gives", () => {
    for (const bytes of [new Uint8Array(32), new Uint8Array(32).fill(255), randomBytes(32)]) {
      expect(BlobId.parse(bytes)).toBe(bcs.u256().parse(bytes));
    }
    for (const value of samples) {
      expect(BlobId.parse(bcs.u256().serialize(value).toBytes())).toBe(value.toString());
    }
  });

  it("encodes every form bcs.u256() takes to the same bytes, and refuses what it refuses", () => {
    for (const value of [...samples, samples[6]!.toString(), 7]) {
      expect(BlobId.serialize(value).toHex()).toBe(bcs.u256().serialize(value).toHex());
    }
    for (const bad of [-1n, U256_MAX + 1n, "x"]) {
      expect(() => bcs.u256().serialize(bad)).toThrow();
      expect(() => BlobId.serialize(bad)).toThrow();
    }
  });
});

describe("blobIdFromU256", () => {
  it("spells a u256, given as a bigint or its decimal string, as blobIdFromInt does", () => {
    for (const value of samples) {
      expect(blobIdFromU256(value)).toBe(blobIdFromInt(value));
      expect(blobIdFromU256(value.toString())).toBe(blobIdFromInt(value));
    }
  });

  it("refuses what is not a u256", () => {
    expect(() => blobIdFromU256(-1n)).toThrow(RangeError);
    expect(() => blobIdFromU256((U256_MAX + 1n).toString())).toThrow(RangeError);
    expect(() => blobIdFromU256("12ab")).toThrow(SyntaxError);
  });
});

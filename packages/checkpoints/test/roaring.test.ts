/** The portable Roaring format, read strictly (Sui's signers bitmaps). */
import { describe, expect, it } from "vitest";
import { RoaringFormatError, readRoaring } from "../src/index.ts";

const u16 = (n: number) => [n & 0xff, n >> 8];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

describe("readRoaring", () => {
  it("reads array containers (no-run cookie, with offsets)", () => {
    // cookie 12346, 2 containers: key 0 {1, 5, 9}, key 1 {0}
    const bytes = [...u32(12346), ...u32(2), ...u16(0), ...u16(2), ...u16(1), ...u16(0)];
    const start = bytes.length + 8;
    bytes.push(...u32(start), ...u32(start + 6), ...u16(1), ...u16(5), ...u16(9), ...u16(0));
    expect(readRoaring(Uint8Array.from(bytes))).toEqual([1, 5, 9, 65536]);
  });

  it("reads run containers (run cookie, no offsets under 4 containers)", () => {
    // cookie 12347 | (1 - 1) << 16, run flags 0b1, key 0 cardinality 5: runs 2..4, 10..11
    const bytes = [
      ...u32(12347),
      1,
      ...u16(0),
      ...u16(4),
      ...u16(2),
      ...u16(2),
      ...u16(2),
      ...u16(10),
      ...u16(1),
    ];
    expect(readRoaring(Uint8Array.from(bytes))).toEqual([2, 3, 4, 10, 11]);
  });

  it("refuses values out of order, a wrong cardinality and a wrong offset", () => {
    const head = [...u32(12346), ...u32(1), ...u16(0), ...u16(1), ...u32(16)];
    expect(() => readRoaring(Uint8Array.from([...head, ...u16(5), ...u16(3)]))).toThrow(
      "values out of order in container 0",
    );
    const runs = [...u32(12347), 1, ...u16(0), ...u16(9), ...u16(1), ...u16(0), ...u16(1)];
    expect(() => readRoaring(Uint8Array.from(runs))).toThrow("holds 2 values, its header says 10");
    const offset = [...u32(12346), ...u32(1), ...u16(0), ...u16(0), ...u32(99), ...u16(1)];
    expect(() => readRoaring(Uint8Array.from(offset))).toThrow(RoaringFormatError);
  });
});

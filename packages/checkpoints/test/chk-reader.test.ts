import { BcsReader } from "@mysten/bcs";
import { describe, expect, it } from "vitest";
import { readerOffset } from "../src/bcs-offset.ts";
import { CheckpointReader } from "../src/chk/layouts/reader.ts";

/** What `read` gives (value and bytes consumed, or the error) on both readers. */
function both(bytes: number[], read: (reader: BcsReader) => unknown) {
  const outcome = (reader: BcsReader) => {
    try {
      return { value: read(reader), offset: readerOffset(reader) };
    } catch (error) {
      return { error: (error as Error).message, type: (error as Error).constructor.name };
    }
  };
  // Each reader over its own buffer, ending where the bytes end.
  return [
    outcome(new CheckpointReader(Uint8Array.from(bytes))),
    outcome(new BcsReader(Uint8Array.from(bytes))),
  ];
}

describe("CheckpointReader reads as @mysten/bcs's BcsReader", () => {
  it.each([
    [[0]],
    [[1]],
    [[0x7f]],
    [[0x80, 0x01]],
    [[0xff, 0xff, 0xff, 0xff, 0x0f]], // 2^32 - 1
    [[0x80, 0x80, 0x80, 0x80, 0x10]], // 2^32
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]], // 2^53 - 1
    [[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]], // 2^53: too large
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]], // 2^64 - 1
    [[...Array(200).fill(0x80), 0x01]], // far too large
    [[0x80, 0x00]], // non-canonical
    [[0x80, 0x80]], // truncated
    [[]],
    [[0x05, 0xaa]], // trailing byte left unread
  ])("ULEB128 %j", (bytes) => {
    const [fast, reference] = both(bytes, (reader) => reader.readULEB());
    expect(fast).toEqual(reference);
  });

  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0]],
    [[1, 2, 3, 4, 5, 6, 7, 8]],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
    [[0, 0, 0, 0, 0, 0, 0x20, 0]], // 2^53
    [[1, 2, 3, 4, 5, 6, 7]], // truncated
  ])("u64 %j", (bytes) => {
    const [fast, reference] = both(bytes, (reader) => reader.read64());
    expect(fast).toEqual(reference);
  });

  it("reads at the reader's position, within a view into a larger buffer", () => {
    const buffer = Uint8Array.from([9, 9, 0x80, 0x01, 1, 0, 0, 0, 0, 0, 0, 0, 9]);
    const reader = new CheckpointReader(buffer.subarray(2, 12));
    expect(reader.readULEB()).toBe(128);
    expect(reader.read64()).toBe("1");
    expect(readerOffset(reader)).toBe(10);
    expect(() => reader.read8()).toThrow(RangeError);
  });
});

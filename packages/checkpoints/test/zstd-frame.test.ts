/**
 * `declaredContentSize` reads the size a zstd frame header declares (RFC 8878, 3.1.1.1), as
 * Node's zstd writes it and in the header layouts it does not write (a window descriptor, a
 * dictionary id), and gives nothing for what is not a frame or declares too much.
 */
import { zstdCompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { declaredContentSize, MAX_DECLARED_SIZE } from "../src/binpb/zstd-frame.ts";

/** A frame header: magic, descriptor, then `rest` (window descriptor, dictionary id, size). */
const header = (descriptor: number, ...rest: number[]) =>
  new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, descriptor, ...rest, 0, 0, 0]);

describe("declaredContentSize", () => {
  it("reads the size Node's zstd declares, in each field width it uses", () => {
    // 1-byte field up to 255, 2-byte (+256) up to 65,791, then 4-byte
    for (const size of [0, 1, 255, 256, 65_791, 65_792, 100_000, 10 * 1024 * 1024]) {
      expect(declaredContentSize(zstdCompressSync(Buffer.alloc(size, 7)))).toBe(size);
    }
  });

  it("skips a window descriptor and a dictionary id of any width", () => {
    // content size flag 2 (4 bytes), not single segment (window descriptor), dictionary id 1 byte
    expect(declaredContentSize(header(0x81, 0x58, 0x05, 0x00, 0x00, 0x10, 0x00))).toBe(1 << 20);
    // flag 1 (2 bytes, + 256), single segment, dictionary id 4 bytes
    expect(declaredContentSize(header(0x63, 1, 2, 3, 4, 0x10, 0x00))).toBe(256 + 16);
    // flag 3 (8 bytes), single segment
    expect(declaredContentSize(header(0xe0, 0x40, 0x1f, 0, 0, 0, 0, 0, 0))).toBe(8_000);
  });

  it("gives nothing for a header without the size, not a frame, cut short, or too large", () => {
    expect(declaredContentSize(header(0x00, 0x58))).toBeUndefined(); // flag 0, not single
    expect(declaredContentSize(new TextEncoder().encode("not a zstd frame"))).toBeUndefined();
    expect(declaredContentSize(header(0xa0, 0xa0).subarray(0, 6))).toBeUndefined();
    const over = new Uint8Array(new Uint32Array([MAX_DECLARED_SIZE + 1]).buffer); // little-endian
    expect(declaredContentSize(header(0xa0, ...over))).toBeUndefined();
    expect(declaredContentSize(header(0xa0, ...over.map((b, i) => (i ? b : 0))))).toBe(
      MAX_DECLARED_SIZE,
    );
    expect(declaredContentSize(header(0xe0, 0, 0, 0, 0, 0, 0, 0, 1))).toBeUndefined(); // 2^56
  });
});

import { prng } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { byCodePoint } from "../src/graph/edge-graph.ts";
import { Interner } from "../src/graph/interner.ts";

describe("Interner", () => {
  it("numbers each string once, in order of first sight, past its first buffers", () => {
    const interner = new Interner();
    const ids = Array.from({ length: 50_000 }, (_, i) => `0x${i.toString(16).padStart(64, "0")}`);
    expect(ids.map((id) => interner.number(id))).toEqual(ids.map((_, i) => i));
    expect(ids.map((id) => interner.number(id))).toEqual(ids.map((_, i) => i));
    expect(interner.size).toBe(50_000);
    expect(interner.text(49_999)).toBe(ids[49_999]);
    expect(interner.find(ids[123] as string)).toBe(123);
    expect(interner.find("0x")).toBeUndefined();
  });

  it("keeps any string as it was given and orders them by code point", () => {
    const interner = new Interner();
    const texts = ["", "a", "ab", "b", "é", "日本", "😀", "a".repeat(1000), "Z", "a\u0000b"];
    for (const text of texts) interner.number(text);
    expect(texts.map((_, n) => interner.text(n))).toEqual(texts);
    const random = prng(3);
    for (let k = 0; k < 200; k++) {
      const a = Math.floor(random() * texts.length);
      const b = Math.floor(random() * texts.length);
      const [ta, tb] = [[...(texts[a] as string)], [...(texts[b] as string)]];
      const expected = Math.sign(
        byCodePoint(
          String(ta.map((c) => c.codePointAt(0)?.toString(16).padStart(6, "0")).join("")),
          String(tb.map((c) => c.codePointAt(0)?.toString(16).padStart(6, "0")).join("")),
        ),
      );
      expect(Math.sign(interner.compare(a, b)), `${texts[a]} vs ${texts[b]}`).toBe(expected);
    }
  });
});

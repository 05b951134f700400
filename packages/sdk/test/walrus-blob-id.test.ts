import { blobIdFromInt, blobIdToInt } from "@mysten/walrus";
import { describe, expect, it } from "vitest";
import { normalizeBlobId } from "../src/walrus/blob-id.ts";

/** The blob certified in testnet checkpoint 248050771 (shared fixtures). */
const REAL = "y4UaG1aueyEVCXTLTCHlN79YkmBRS4DnopK3yIiIDAI";

describe("normalizeBlobId", () => {
  it("keeps a base64url blob id as Walrus prints it", () => {
    expect(normalizeBlobId(REAL)).toBe(REAL);
  });

  it("converts the decimal u256 Move sees, as @mysten/walrus does", () => {
    expect(normalizeBlobId(blobIdToInt(REAL).toString())).toBe(REAL);
    expect(normalizeBlobId("0")).toBe(blobIdFromInt(0n));
    const max = (1n << 256n) - 1n;
    expect(normalizeBlobId(max.toString())).toBe(blobIdFromInt(max));
  });

  it.each([
    ["more than a u256", (1n << 256n).toString()],
    ["42 characters", REAL.slice(1)],
    ["standard base64", `${REAL.slice(0, 42)}+`],
    ["empty", ""],
    ["negative", "-1"],
  ])("refuses %s", (_, text) => {
    expect(normalizeBlobId(text)).toBeUndefined();
  });
});

/** Which browser the end-to-end tests drive: `VERITY_CHROMIUM` first, and a wrong one says so. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { chromiumExecutable } from "./support/chromium.ts";

describe("chromiumExecutable", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("takes VERITY_CHROMIUM over the system's Chromium", () => {
    vi.stubEnv("VERITY_CHROMIUM", process.execPath);
    expect(chromiumExecutable()).toBe(process.execPath);
  });

  it("says in one line when VERITY_CHROMIUM names no file", () => {
    vi.stubEnv("VERITY_CHROMIUM", "/no/such/chromium");
    expect(() => chromiumExecutable()).toThrow(
      /^VERITY_CHROMIUM=\/no\/such\/chromium: no such file$/,
    );
  });
});

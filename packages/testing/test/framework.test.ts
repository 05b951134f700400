/** Framework-dependent tests skip outside CI only, and say so; in CI they fail. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { skipWithoutFramework } from "../src/framework.ts";

describe("skipWithoutFramework", () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    vi.restoreAllMocks();
  });

  it("never skips with a local framework, in CI or not", () => {
    process.env.CI = "true";
    expect(skipWithoutFramework(true, "x")).toBe(false);
    delete process.env.CI;
    expect(skipWithoutFramework(true, "x")).toBe(false);
  });

  it("skips loudly outside CI", () => {
    delete process.env.CI;
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(skipWithoutFramework(false, "publish.test.ts")).toBe(true);
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining("publish.test.ts: SKIPPED, NOT PASSED"),
    );
  });

  it("fails in CI", () => {
    process.env.CI = "true";
    expect(() => skipWithoutFramework(false, "publish.test.ts")).toThrow(
      "publish.test.ts cannot run in CI: no local Sui framework",
    );
  });
});

/**
 * Which browser the end-to-end tests drive: `VERITY_CHROMIUM` first, a wrong one says so, and
 * otherwise the Chromium `@sparticuz/chromium` ships, unpacked once even by concurrent callers.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bundledChromium, chromiumBuild, launchChromium } from "../src/browser/index.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("chromiumBuild", () => {
  it("takes VERITY_CHROMIUM as it is", async () => {
    vi.stubEnv("VERITY_CHROMIUM", process.execPath);
    expect(await chromiumBuild()).toEqual({ executablePath: process.execPath, env: {} });
  });

  it("says in one line when VERITY_CHROMIUM names no file", async () => {
    vi.stubEnv("VERITY_CHROMIUM", "/no/such/chromium");
    await expect(chromiumBuild()).rejects.toThrow(
      /^VERITY_CHROMIUM=\/no\/such\/chromium: no such file$/,
    );
  });
});

describe("launchChromium without VERITY_CHROMIUM", () => {
  it("drives the bundled Chromium, which renders text in its own Open Sans", async () => {
    vi.stubEnv("VERITY_CHROMIUM", undefined);
    expect((await chromiumBuild()).executablePath).toBe((await bundledChromium()).executablePath);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent("<p>provenance</p>");
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument");
      const { nodeId } = await cdp.send("DOM.querySelector", {
        nodeId: root.nodeId,
        selector: "p",
      });
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      expect(fonts.map((font) => font.familyName)).toEqual(["Open Sans"]);
    } finally {
      await browser.close();
    }
  });
});

describe("bundledChromium", () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("unpacks once for concurrent callers and leaves no partial copy", async () => {
    root = await mkdtemp(join(tmpdir(), "verity-chromium-test-"));
    const [first, second] = await Promise.all([bundledChromium(root), bundledChromium(root)]);
    expect(second).toEqual(first);
    expect(first.executablePath.startsWith(root)).toBe(true);
    expect(await readdir(root)).toHaveLength(1);
  });
});

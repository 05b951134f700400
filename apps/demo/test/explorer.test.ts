/**
 * The explorer page over the demo's database, in headless Chromium (the API's test launcher):
 * opening the model shows its upstream graph, the datasets, the transform and training and
 * the attester, and a screenshot of it is a PNG.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../api/test/support/chromium.ts";
import { type DemoPlace, freshPlace, type ServedDemo, serveDemo } from "./support/demo-database.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The page's globals as far as this test reads them (the project has no DOM types). */
interface PageGlobals {
  cy?: { nodes(): { map<T>(f: (n: { id(): string; data(key: string): unknown }) => T): T[] } };
  document: { body: { dataset: Record<string, string | undefined> } };
}

let place: DemoPlace;
let demo: ServedDemo;
let browser: Browser;
beforeAll(async () => {
  place = await freshPlace("postgres");
  demo = await serveDemo(place);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await place?.drop();
});

describe("the explorer on the demo", () => {
  it("draws the model's upstream graph", async () => {
    const { story } = demo.run;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${demo.api.url}/?id=${story.model.id}`);
    await page.waitForFunction(
      (id) => (globalThis as unknown as PageGlobals).document.body.dataset.loaded === id,
      story.model.id,
      { timeout: 30_000 },
    );
    const nodes = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).cy!.nodes().map((n) => ({
        id: n.id(),
        tainted: n.data("tainted"),
      })),
    );
    const drawn = new Map(nodes.map((n) => [n.id, n]));
    for (const id of [
      story.model.id,
      story.raw.id,
      story.clean.id,
      story.clean.transformId,
      story.model.trainingId,
      story.attester.id,
    ])
      expect(drawn.has(id), `${id} is drawn`).toBe(true);
    expect(drawn.get(story.model.id)!.tainted).toBe(true);

    const file = join(place.options.dir, "demo-model.png");
    await page.screenshot({ path: file, fullPage: true });
    const png = await readFile(file);
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

/**
 * The explorer page over the demo's database, in headless Chromium (the API's explorer test
 * helpers): opening the model draws its upstream graph, the datasets, the transform and
 * training and the attester, and a screenshot of it is a PNG.
 */

import {
  drawn,
  type ExplorerBrowser,
  isPng,
  openExplorerBrowser,
  type PageGlobals,
  screenshot,
} from "@verity/testing/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoPlace, freshPlace, type ServedDemo, serveDemo } from "./support/demo-database.ts";

let place: DemoPlace;
let demo: ServedDemo;
let explorer: ExplorerBrowser;
beforeAll(async () => {
  place = await freshPlace("postgres");
  demo = await serveDemo(place);
  explorer = await openExplorerBrowser();
});
afterAll(async () => {
  await explorer?.close();
  await demo?.close();
  await place?.drop();
});

describe("the explorer on the demo", () => {
  it("draws the model's upstream graph", async () => {
    const { story } = demo.run;
    const { page } = explorer;
    await page.goto(`${demo.api.url}/?id=${story.model.id}`);
    await drawn(page, story.model.id);
    const nodes = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).cy!.nodes().map((n) => ({
        id: n.id(),
        tainted: n.data("tainted"),
      })),
    );
    const shown = new Map(nodes.map((n) => [n.id, n]));
    for (const id of [
      story.model.id,
      story.raw.id,
      story.clean.id,
      story.clean.transformId,
      story.model.trainingId,
      story.attester.id,
    ])
      expect(shown.has(id), `${id} is drawn`).toBe(true);
    expect(shown.get(story.model.id)!.tainted).toBe(true);

    expect(isPng(await screenshot(explorer, "demo-model"))).toBe(true);
    expect(explorer.errors).toEqual([]);
  });
});

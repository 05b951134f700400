/**
 * The graph explorer at `/`, end to end in headless Chromium (`support/chromium.ts`): search,
 * draw a lineage with Cytoscape.js, inspect a node's proof, and the retracted styling.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { attesters, datasets, models, type ProvLineage } from "@verity/db";
import { provenanceProcessor } from "@verity/indexer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provenanceScenario } from "../../indexer/test/support/provenance-scenario.ts";
import { indexInto, startTestApi, type TestApi } from "./support/api.ts";
import { launchChromium } from "./support/chromium.ts";

const PKG = normalizeSuiAddress("0xe11");
/** Story i is checkpoint 700 + i; story 9 retracts its raw dataset. */
const STORIES = 10;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let api: TestApi;
let browser: Browser;
let page: Page;
let shots: string;
const pageErrors: string[] = [];
const ids = new Map<string, string>();
const id = (name: string) => {
  const found = ids.get(name);
  if (!found) throw new Error(`no ${name} in the scenario`);
  return found;
};

/** What the test page exposes (`window.cy`), as far as these tests read it. */
interface CyNode {
  id(): string;
  data(key: string): unknown;
  classes(): string[];
}
type Cy = { nodes(): { length: number; map<T>(f: (n: CyNode) => T): T[] } } & {
  $id(id: string): CyNode & { emit(event: string): void; length: number };
};
/** The page's globals; the project compiles without the DOM library, so typed by hand. */
interface PageGlobals {
  cy?: Cy;
  pwned?: number;
  document: { body: { dataset: Record<string, string | undefined> } };
}

beforeAll(async () => {
  api = await startTestApi((database) =>
    indexInto(database, provenanceScenario(PKG, STORIES, 700), [
      provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
    ]),
  );
  const db = api.database.db;
  for (const d of await db.select().from(datasets)) ids.set(d.name, d.datasetId);
  for (const m of await db.select().from(models)) ids.set(m.name, m.modelId);
  for (const a of await db.select().from(attesters)) ids.set(a.name, a.attesterId);
  shots = await mkdtemp(join(tmpdir(), "verity-explorer-"));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  if (shots) await rm(shots, { recursive: true, force: true });
});

const lineageOf = async (start: string) => {
  const response = await api.get(`/v1/lineage/${start}?direction=both&depth=4`);
  expect(response.status).toBe(200);
  return (await response.json()) as ProvLineage;
};

/** Waits until the page has drawn `start`'s lineage. */
const drawn = (start: string) =>
  page.waitForFunction(
    (s) => {
      const g = globalThis as unknown as PageGlobals;
      return g.document.body.dataset.loaded === s && (g.cy?.nodes().length ?? 0) > 0;
    },
    start,
    { timeout: 30_000 },
  );

describe("the explorer page", () => {
  it("serves the page and Cytoscape.js locally, without shadowing the API", async () => {
    const home = await api.get("/");
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toMatch(/^text\/html/);
    expect(home.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await home.text();
    expect(html).toContain('src="/assets/cytoscape.min.js"');
    expect(html).not.toMatch(/https?:\/\/(?!suiscan)/); // no CDN
    const cytoscape = await api.get("/assets/cytoscape.min.js");
    expect(cytoscape.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await cytoscape.text()).length).toBeGreaterThan(100_000);
    for (const asset of ["/assets/explorer.js", "/assets/explorer.css"]) {
      expect((await api.get(asset)).status).toBe(200);
    }
    expect((await api.get("/v1/status")).headers.get("content-type")).toMatch(/json/);
    expect((await api.get("/assets/nope.js")).status).toBe(404);
  });

  it("searches, draws a model's lineage and shows a node's proof", async () => {
    const model = id("model-3");
    const expected = await lineageOf(model);
    await page.goto(`${api.url}/`);
    await page.getByLabel(/Search datasets/).fill("model-3");
    await page.getByLabel(/Search datasets/).press("Enter"); // keyboard submit
    const result = page.locator(`#results li[data-kind="model"][data-id="${model}"] button`);
    await result.waitFor({ timeout: 15_000 });
    await expect.poll(() => result.textContent()).toContain("model-3");
    await result.click();
    await drawn(model);
    expect(new URL(page.url()).searchParams.get("id")).toBe(model);

    const nodeIds = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).cy!.nodes().map((n) => n.id()),
    );
    expect(nodeIds).toHaveLength(expected.nodes.length);
    expect(new Set(nodeIds)).toEqual(new Set(expected.nodes.map((n) => n.id)));
    expect(nodeIds).toContain(id("clean-3")); // the derived dataset
    expect(nodeIds).toContain(id("ci")); // the attester

    const clean = expected.nodes.find((n) => n.id === id("clean-3"))!;
    await page.evaluate((n: string) => {
      (globalThis as unknown as PageGlobals).cy!.$id(n).emit("tap"); // returns nothing to serialise
    }, clean.id);
    const panel = page.locator("#panel");
    await expect.poll(() => panel.locator("#panel-title").textContent()).toBe("clean-3");
    const proof = await panel.locator("#proof").textContent();
    expect(proof).toContain(clean.proof.txDigest);
    expect(proof).toContain(String(clean.proof.checkpoint));
    expect(clean.proof).toMatchObject({ checkpoint: 703, txDigest: "tx-703-1" });
    const link = panel.locator("#proof a");
    expect(await link.getAttribute("href")).toBe(
      `https://suiscan.xyz/testnet/tx/${clean.proof.txDigest}`,
    );
    expect(await panel.locator("#fields").textContent()).toContain(clean.id);

    const file = join(shots, "model-3.png");
    await page.screenshot({ path: file, fullPage: true });
    const png = await readFile(file);
    expect(png.length).toBeGreaterThan(PNG_SIGNATURE.length);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  }, 60_000);

  it("opens ?id= and styles a retracted dataset and its tainted descendants", async () => {
    const raw = id("raw-9");
    await page.goto(`${api.url}/?id=${raw}`);
    await drawn(raw);
    const node = (n: string) =>
      page.evaluate((x) => {
        const el = (globalThis as unknown as PageGlobals).cy!.$id(x);
        return {
          found: el.length,
          retracted: el.data("retracted"),
          tainted: el.data("tainted"),
          classes: el.classes(),
        };
      }, n);
    expect(await node(raw)).toMatchObject({ found: 1, retracted: true });
    expect((await node(raw)).classes).toEqual(expect.arrayContaining(["retracted", "root"]));
    const clean = await node(id("clean-9"));
    expect(clean).toMatchObject({ found: 1, retracted: false, tainted: true });
    expect(clean.classes).toContain("tainted");
    expect(clean.classes).not.toContain("retracted");
    const colour = await page.evaluate(
      (x) =>
        (
          (globalThis as unknown as PageGlobals).cy!.$id(x) as unknown as {
            style(k: string): string;
          }
        ).style("background-color"),
      raw,
    );
    expect(colour).toBe("rgb(211,47,47)");
  }, 60_000);

  it("inserts data as text, never as HTML", async () => {
    await page.goto(`${api.url}/`);
    await page.getByLabel(/Search datasets/).fill('<img src=x onerror="window.pwned=1">');
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.locator("#status").textContent()).toContain("Nothing matches");
    expect(await page.locator("#status img").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pwned)).toBe(undefined);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

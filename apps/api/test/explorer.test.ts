/**
 * The graph explorer at `/`, end to end in headless Chromium (`support/chromium.ts`): search,
 * draw a lineage with Cytoscape.js, inspect the event behind a node, the retracted styling, what
 * it says about trust (claimed derivations dashed, signed or claimed, enclave or key, terms),
 * and the proof verifier: bundled for the browser, loaded by the page's worker under its CSP, a
 * committee file pinned, kept and forgotten. (The demo's explorer test checks real proofs.)
 */
import { join } from "node:path";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { attesters, datasets, models, type ProvLineage } from "@verity/db";
import { indexCheckpoints, provenanceProcessor } from "@verity/indexer";
import { provenanceScenario } from "@verity/test-scenarios";
import { SUI_CHECKPOINTS } from "@verity/testing";
import {
  drawn as drawnOn,
  type ExplorerBrowser,
  isPng,
  openExplorerBrowser,
  type PageGlobals,
  screenshot,
} from "@verity/testing/browser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";
import { TRUST, TRUST_PACKAGE, trustScenario } from "./support/trust-scenario.ts";

const PKG = normalizeSuiAddress("0xe11");
/** A real committee file: the 4 genesis validators of a test network, epoch 0. */
const COMMITTEE = join(SUI_CHECKPOINTS, "..", "light-client", "ocs", "committee.bcs");
/** Story i is checkpoint 700 + i; story 9 retracts its raw dataset. */
const STORIES = 10;

let api: TestApi;
let explorer: ExplorerBrowser;
let page: Page;
const ids = new Map<string, string>();
const id = (name: string) => {
  const found = ids.get(name);
  if (!found) throw new Error(`no ${name} in the scenario`);
  return found;
};

beforeAll(async () => {
  api = await startTestApi((database) =>
    indexCheckpoints(
      database.db,
      [...provenanceScenario(PKG, STORIES, 700), ...trustScenario(900)],
      [provenanceProcessor({ network: "testnet", packageIds: [PKG, TRUST_PACKAGE] })],
    ),
  );
  const db = api.database.db;
  for (const d of await db.select().from(datasets)) ids.set(d.name, d.datasetId);
  for (const m of await db.select().from(models)) ids.set(m.name, m.modelId);
  for (const a of await db.select().from(attesters)) ids.set(a.name, a.attesterId);
  explorer = await openExplorerBrowser();
  page = explorer.page;
}, 120_000);

afterAll(async () => {
  await explorer?.close();
  await api?.close();
});

const lineageOf = async (start: string) => {
  const response = await api.get(`/v1/lineage/${start}?direction=both&depth=4`);
  expect(response.status).toBe(200);
  return (await response.json()) as ProvLineage;
};

const drawn = (start: string) => drawnOn(page, start);

describe("the explorer page", () => {
  it("serves the page and Cytoscape.js locally, without shadowing the API", async () => {
    const home = await api.get("/");
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toMatch(/^text\/html/);
    expect(home.headers.get("content-security-policy")).toContain("script-src 'self'");
    // no inline styles either: Cytoscape.js finds its stylesheet in place (the page's tests end
    // by asserting no console error, which a refused <style> would log)
    expect(home.headers.get("content-security-policy")).toContain("style-src 'self';");
    const html = await home.text();
    expect(html).toContain('src="/assets/cytoscape.min.js"');
    expect(html).not.toMatch(/https?:\/\/(?!suiscan)/); // no CDN
    const cytoscape = await api.get("/assets/cytoscape.min.js");
    expect(cytoscape.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await cytoscape.text()).length).toBeGreaterThan(100_000);
    for (const asset of [
      "/assets/explorer.css",
      "/assets/explorer.js",
      "/assets/walrus.js",
      "/assets/trust.js",
    ]) {
      expect((await api.get(asset)).status).toBe(200);
    }
    const module = await api.get("/assets/dom.js");
    expect(module.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await module.text()).toContain("export function h(");
    expect((await api.get("/v1/status")).headers.get("content-type")).toMatch(/json/);
    expect((await api.get("/assets/nope.js")).status).toBe(404);
  });

  it("searches, draws a model's lineage and shows the event behind a node", async () => {
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
    const shown = await panel.locator("#event").textContent();
    expect(shown).toContain(clean.event.txDigest);
    expect(shown).toContain(String(clean.event.checkpoint));
    expect(clean.event).toMatchObject({ checkpoint: 703, txDigest: "tx-703-1" });
    const link = panel.locator("#event a");
    expect(await link.getAttribute("href")).toBe(
      `https://suiscan.xyz/testnet/tx/${clean.event.txDigest}`,
    );
    expect(await panel.locator("#fields").textContent()).toContain(clean.id);

    expect(isPng(await screenshot(explorer, "model-3"))).toBe(true);
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

  it("draws claimed derivations dashed and says who vouches for each node", async () => {
    await page.goto(`${api.url}/?id=${TRUST.claimed}`);
    await drawn(TRUST.claimed);
    const derivation = (src: string, dst: string) =>
      `edge[kind = "wasDerivedFrom"][src = "${src}"][dst = "${dst}"]`;
    const look = (selector: string) =>
      page.evaluate((s) => {
        const el = (globalThis as unknown as PageGlobals).cy!.$(s);
        return { found: el.length, classes: el.classes(), line: el.style("line-style") };
      }, selector);
    // (`near`: the edges of the selected root show their labels)
    expect(await look(derivation(TRUST.claimed, TRUST.raw))).toEqual({
      found: 1,
      classes: expect.arrayContaining(["claimed"]),
      line: "dashed",
    });
    const signed = await look(derivation(TRUST.enclaveSigned, TRUST.claimed));
    expect(signed).toEqual({
      found: 1,
      classes: expect.arrayContaining(["enclave"]),
      line: "solid",
    });
    expect(signed.classes).not.toContain("claimed");

    const trust = page.locator("#trust");
    const tap = async (selector: string) => {
      await page.evaluate((s) => {
        (globalThis as unknown as PageGlobals).cy!.$(s).emit("tap");
      }, selector);
    };
    /** Taps node `id` and returns the panel's trust section once it shows that node. */
    const trustOf = async (id: string) => {
      await page.evaluate((n) => {
        (globalThis as unknown as PageGlobals).cy!.$id(n).emit("tap");
      }, id);
      await expect.poll(() => trust.getAttribute("data-id")).toBe(id);
      return trust.textContent();
    };
    // the root is selected on drawing
    await expect.poll(() => trust.getAttribute("data-id")).toBe(TRUST.claimed);
    expect(await trust.textContent()).toContain("claimed (no attester signed how it was made)");
    const raw = await trustOf(TRUST.raw);
    expect(raw).toContain("original (not derived)");
    expect(raw).toContain(`AI trainingallowed under: ${TRUST.constraint}`);
    expect(raw).toContain("generative AI trainingnot allowed");
    expect(raw).toContain("data miningallowed");
    expect(await trustOf(TRUST.enclaveSigned)).toContain(
      "signed by an enclave (Nitro-attested key)",
    );
    expect(await trustOf(TRUST.claimedTransform)).toContain("claimed (recorded unsigned)");
    const model = await trustOf(TRUST.model);
    expect(model).toContain("trainingsigned by an enclave");
    expect(model).toContain(TRUST.constraint);
    const enclaveAttester = await trustOf(TRUST.enclaveAttester);
    expect(enclaveAttester).toContain(`an enclave of config ${TRUST.enclaveConfig.slice(0, 8)}`);
    expect(enclaveAttester).toContain(
      `configretired ${new Date(TRUST.enclaveConfigRetiredMs).toISOString()} (no enclave registers under it since`,
    );

    await tap(derivation(TRUST.claimed, TRUST.raw));
    await expect.poll(() => page.locator("#panel-title").textContent()).toBe("wasDerivedFrom");
    expect(await trust.isHidden()).toBe(true);
    expect(await page.locator("#fields").textContent()).toContain(
      "backed byclaimed (unsigned: only the submitter's word)",
    );
    expect(explorer.errors).toEqual([]);
  }, 60_000);

  it("serves the proof verifier as one browser module, bundled once", async () => {
    const first = await api.get("/assets/verify.js");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/^text\/javascript/);
    const bundle = await first.text();
    for (const name of ["committeeFromBcs", "proofBundleFromJson", "verifyProofBundle"])
      expect(bundle).toMatch(new RegExp(`export\\{[^}]*\\b${name}\\b`));
    expect(bundle).not.toMatch(/\bimport\s*[{*"']|\bimport\(|require\(|node:/); // self-contained
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await api.get("/assets/verify.js", { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    for (const asset of ["/assets/anchor.js", "/assets/proofs.js", "/assets/verify-worker.js"]) {
      const response = await api.get(asset);
      expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    }
  });

  it("pins a committee file under the page's CSP, keeps it, and forgets it", async () => {
    const model = id("model-3");
    const answer = await api.get(`/v1/lineage/${model}?direction=both&depth=4&proofs=inline`);
    const { nodes, edges, proofs } = (await answer.json()) as ProvLineage & { proofs: object };
    expect(proofs).toEqual({}); // the scenario's checkpoints came without their proof parts
    await page.goto(`${api.url}/?id=${model}`);
    await drawn(model);
    const status = page.locator("#anchor-status");
    const summary = page.locator("#proof-summary");
    await expect
      .poll(() => status.textContent())
      .toBe("No committee pinned: proofs are not verified.");
    expect(await page.locator("#committee-forget").isHidden()).toBe(true);

    // the worker loads /assets/verify.js (under the page's CSP: no console error) to read it
    await page.getByLabel("Trust a committee file (committee.bcs)").setInputFiles(COMMITTEE);
    const pinned = "Pinned: the committee of epoch 0 (4 validators).";
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe(pinned);
    await expect
      .poll(() => summary.textContent(), { timeout: 30_000 })
      .toBe(
        `0 of ${nodes.length + edges.length} proofs verified against epoch 0's committee; ${nodes.length + edges.length} not verified`,
      );
    const items = page.locator("#proof-items li");
    expect(await items.count()).toBe(nodes.length + edges.length);
    for (const text of await items.allTextContents())
      expect(text).toContain("not verified: no proof bundle is kept for its event");

    await page.reload();
    await drawn(model);
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe(pinned);

    // a file that is not a committee leaves the pinned one in place
    await page.getByLabel("Trust a committee file (committee.bcs)").setInputFiles({
      name: "notes.bcs",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("not a committee"),
    });
    await expect
      .poll(() => status.textContent())
      .toMatch(
        /^Pinned: the committee of epoch 0 \(4 validators\)\. notes\.bcs was not pinned: not a committee file: /,
      );

    await page.getByRole("button", { name: "Forget the pinned committee" }).click();
    await expect
      .poll(() => status.textContent())
      .toBe("No committee pinned: proofs are not verified.");
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
        ).localStorage.getItem("verity.committee"),
      ),
    ).toBe(null);
    expect(explorer.errors).toEqual([]);
  }, 60_000);

  it("audits a model's upstream: the verdict, the failing nodes on the graph, the report", async () => {
    const model = id("model-9"); // story 9's raw dataset is retracted
    await page.goto(`${api.url}/?id=${model}`);
    await drawn(model);
    const audit = page.locator("#audit");
    await page.getByRole("button", { name: "Audit its upstream" }).click();
    await expect.poll(() => audit.locator("#audit-verdict").textContent()).toBe("FAIL");
    const rules = await audit.locator(".audit-rules > li").allTextContents();
    expect(rules.map((r) => r.split(" (")[0])).toEqual([
      "limits: pass",
      "licenses: pass",
      "consent: FAIL",
      "attestation: pass",
    ]);
    expect(rules[2]).toContain(`dataset ${id("raw-9")} (raw-9) was retracted: consent withdrawn`);
    // the retracted dataset and what came from it are highlighted; the attester is not
    const failing = (
      await page.evaluate(() =>
        (globalThis as unknown as PageGlobals)
          .cy!.nodes()
          .map((n) => [n.id(), n.classes()] as const),
      )
    ).flatMap(([node, classes]) => (classes.includes("audit-failing") ? [node] : []));
    expect(failing).toEqual(expect.arrayContaining([id("raw-9"), id("clean-9"), model]));
    expect(failing).not.toContain(id("ci"));
    const downloads = audit.locator("a.download");
    expect(
      await downloads.evaluateAll((links) => links.map((l) => l.getAttribute("download"))),
    ).toEqual([`audit-${model.slice(0, 10)}.html`, `audit-${model.slice(0, 10)}.json`]);
    expect(isPng(await screenshot(explorer, "audit-panel"))).toBe(true);

    // The HTML report (the first download: the same answer), as a browser shows it.
    const report = await api.get("/v1/audits?format=html", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ subject: model }),
    });
    expect(report.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await report.text();
    expect(html).not.toContain("<script");
    // A page of its own: a file opened from disk has no CSP, its inline <style> applies.
    const reportPage = await explorer.browser.newPage({ viewport: { width: 1000, height: 700 } });
    try {
      await reportPage.setContent(html);
      expect(await reportPage.locator("h1").textContent()).toBe(
        `Audit of model ${model} (model-9)`,
      );
      expect(await reportPage.locator(".verdict").textContent()).toBe("FAIL");
      expect(
        await reportPage.locator(".verdict").evaluate(
          (el) =>
            (
              globalThis as unknown as {
                getComputedStyle(e: unknown): { backgroundColor: string };
              }
            ).getComputedStyle(el).backgroundColor,
        ),
      ).toBe("rgb(198, 40, 40)");
      expect(await reportPage.locator("h2").allTextContents()).toEqual([
        "consent: failed",
        "Policy",
      ]);
      expect(await reportPage.locator("li").first().textContent()).toContain(
        "was retracted: consent withdrawn",
      );
      expect(isPng(await reportPage.screenshot({ fullPage: true }))).toBe(true);
    } finally {
      await reportPage.close();
    }
    expect(explorer.errors).toEqual([]);
  }, 60_000);

  it("inserts data as text, never as HTML", async () => {
    await page.goto(`${api.url}/`);
    await page.getByLabel(/Search datasets/).fill('<img src=x onerror="window.pwned=1">');
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.locator("#status").textContent()).toContain("Nothing matches");
    expect(await page.locator("#status img").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pwned)).toBe(undefined);
    expect(explorer.errors).toEqual([]);
  }, 60_000);
});

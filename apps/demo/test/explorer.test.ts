/**
 * The explorer page over the demo's database, in headless Chromium (the API's explorer test
 * helpers): opening the model draws its upstream graph, the datasets, the transform and
 * training and the attester, and a screenshot of it is a PNG. With the demo committee pinned
 * (its `committee.bcs`, through the page's file input), the page checks the proof bundle of
 * every node and edge itself and badges each ✓; a bundle tampered on the way shows ✗ on its
 * element alone, naming the step that failed.
 */

import { join } from "node:path";
import { PROOF_STEPS } from "@verity/checkpoints";
import {
  drawn,
  type ExplorerBrowser,
  isPng,
  openExplorerBrowser,
  type PageGlobals,
  screenshot,
} from "@verity/testing/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMITTEE_FILE } from "../src/run.ts";
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

/** A lineage answer with its proof bundles inline, as far as these tests read it. */
interface InlineLineage {
  nodes: { id: string; event: { proof: string } }[];
  edges: { event: { proof: string } }[];
  proofs: Record<string, { epoch: string; events: string }>;
}

/** What the page's proof list shows of one node or edge (its Cytoscape id: `edge-<i>` for edges). */
interface ProofItem {
  id: string;
  state: string | undefined;
  text: string;
}

/** The page's proof list, once the page has finished checking. */
async function proofItems(page: ExplorerBrowser["page"]): Promise<ProofItem[]> {
  await page.locator('#proof-summary[data-state="done"]').waitFor({ timeout: 60_000 });
  return page.locator("#proof-items li").evaluateAll((items) =>
    items.map((li) => {
      const item = li as unknown as { dataset: Record<string, string>; textContent: string };
      return { id: item.dataset.id ?? "", state: item.dataset.state, text: item.textContent };
    }),
  );
}

/** The steps the side panel lists for the selected element, each as `<step>: <state>`. */
const panelSteps = (page: ExplorerBrowser["page"]) =>
  page.locator("#proof .proof-steps li").evaluateAll((items) =>
    items.map((li) => {
      const { step, state } = (li as unknown as { dataset: Record<string, string> }).dataset;
      return `${step}: ${state}`;
    }),
  );

/** Pins the demo's committee file through the page's file input. */
const pinDemoCommittee = (page: ExplorerBrowser["page"]) =>
  page
    .getByLabel("Trust a committee file (committee.bcs)")
    .setInputFiles(join(demo.run.checkpointsDir, COMMITTEE_FILE));

/** The Cytoscape id of each element of `lineage` whose proof is at each path. */
function elementsByProof(lineage: InlineLineage): Map<string, string[]> {
  const byProof = new Map<string, string[]>();
  const elements = [
    ...lineage.nodes.map((node) => [node.event.proof, node.id]),
    ...lineage.edges.map((edge, i) => [edge.event.proof, `edge-${i}`]),
  ];
  for (const [path, id] of elements) byProof.set(path!, [...(byProof.get(path!) ?? []), id!]);
  return byProof;
}

describe("proofs in the explorer on the demo", () => {
  const lineagePath = (id: string) => `/v1/lineage/${id}?direction=both&depth=4&proofs=inline`;
  const proved = "certified by 75.00% of epoch 1's voting power";

  it("checks every node's and edge's proof against the pinned committee", async () => {
    const { story } = demo.run;
    const { page } = explorer;
    const lineage = (await (await demo.get(lineagePath(story.model.id))).json()) as InlineLineage;
    const count = lineage.nodes.length + lineage.edges.length;
    for (const path of elementsByProof(lineage).keys()) expect(lineage.proofs[path]).toBeDefined();

    await page.goto(`${demo.api.url}/?id=${story.model.id}`);
    await drawn(page, story.model.id);
    let items = await proofItems(page);
    expect(items).toHaveLength(count);
    for (const item of items)
      expect(item.text).toContain("not verified: pin the committee of epoch 1");
    expect(await page.locator("#proof-summary").textContent()).toBe(
      `${count} proofs not verified: no committee pinned`,
    );

    await pinDemoCommittee(page);
    await expect
      .poll(() => page.locator("#anchor-status").textContent())
      .toBe("Pinned: the committee of epoch 1 (4 validators).");
    await expect
      .poll(() => page.locator("#proof-summary").textContent(), { timeout: 60_000 })
      .toBe(`${count} of ${count} proofs verified against epoch 1's committee`);
    items = await proofItems(page);
    expect(items).toHaveLength(count);
    for (const item of items) {
      expect(item.state, item.text).toBe("ok");
      expect(item.text).toContain(`✓ `);
      expect(item.text).toContain(proved);
    }
    const graph = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).cy!.elements().map((el) => ({
        state: el.data("proofState"),
        label: el.data("display"),
      })),
    );
    expect(graph).toHaveLength(count);
    for (const el of graph)
      expect(el).toMatchObject({ state: "ok", label: expect.stringMatching(/^✓ /) });

    // the selected model's panel lists the six steps, each held
    await expect.poll(() => panelSteps(page)).toEqual(PROOF_STEPS.map((step) => `${step}: ok`));
    expect(await page.locator("#proof").textContent()).toContain(
      "certified by 3 of 4 validators of epoch 1, 75.00% of the voting power",
    );

    // the pinned committee persists across a reload
    await page.reload();
    await drawn(page, story.model.id);
    await expect
      .poll(() => page.locator("#proof-summary").textContent(), { timeout: 60_000 })
      .toBe(`${count} of ${count} proofs verified against epoch 1's committee`);
    expect(isPng(await screenshot(explorer, "demo-model-proofs"))).toBe(true);
    expect(explorer.errors).toEqual([]);
  }, 120_000);

  it("shows ✗ on the element whose bundle was tampered, naming the step", async () => {
    const { story } = demo.run;
    const { page } = explorer;
    const lineage = (await (await demo.get(lineagePath(story.model.id))).json()) as InlineLineage;
    // a bundle no other element shares
    const [path, [tampered]] = [...elementsByProof(lineage)].find(
      ([, ids]) => ids.length === 1,
    ) as [string, [string]];
    await page.route("**/v1/lineage/**", async (route) => {
      const response = await route.fetch();
      const answer = (await response.json()) as InlineLineage;
      const bundle = answer.proofs[path]!;
      const events = Buffer.from(bundle.events, "base64");
      events[events.length >> 1]! ^= 0x01;
      bundle.events = events.toString("base64");
      await route.fulfill({ response, json: answer });
    });
    try {
      await page.goto(`${demo.api.url}/?id=${story.model.id}`);
      await drawn(page, story.model.id);
      await pinDemoCommittee(page);
      await expect
        .poll(() => page.locator("#proof-summary").textContent(), { timeout: 60_000 })
        .toMatch(/ failed$/);
      const items = await proofItems(page);
      const failed = items.filter((item) => item.state === "failed");
      expect(failed.map((item) => item.id)).toEqual([tampered]);
      expect(failed[0]!.text).toMatch(/✗ .* events: events digest \w+, the effects name \w+/);
      expect(items.filter((item) => item.state === "ok")).toHaveLength(items.length - 1);
      const count = items.length;
      expect(await page.locator("#proof-summary").textContent()).toBe(
        `${count - 1} of ${count} proofs verified against epoch 1's committee; 1 failed`,
      );
      // its panel: the steps up to the events held, the events failed, the event not checked
      await page.evaluate((x) => {
        (globalThis as unknown as PageGlobals).cy!.$id(x).emit("tap");
      }, tampered);
      await expect
        .poll(() => panelSteps(page))
        .toEqual([
          "certificate: ok",
          "contents: ok",
          "transaction: ok",
          "effects: ok",
          "events: failed",
          "event: unverified",
        ]);
    } finally {
      await page.unroute("**/v1/lineage/**");
    }
    expect(explorer.errors).toEqual([]);
  }, 120_000);
});

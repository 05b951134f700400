/**
 * The explorer's Walrus views, end to end in headless Chromium, over the real testnet
 * checkpoints indexed by the real indexer (and a small synthetic provenance history whose
 * datasets Walrus never reported): the "Walrus blobs" list with each Blob object's status,
 * a blob's Walrus facts in the side panel, and what its real proof bundles need to be checked.
 */
import { join } from "node:path";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { datasets } from "@verity/db";
import { indexCheckpoints, provenanceProcessor } from "@verity/indexer";
import { provenanceScenario } from "@verity/test-scenarios";
import { SUI_CHECKPOINTS } from "@verity/testing";
import {
  drawn,
  type ExplorerBrowser,
  isPng,
  openExplorerBrowser,
  screenshot,
} from "@verity/testing/browser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";
import { indexTestnetWalrus, TWICE_STORED_BLOB } from "./support/walrus-fixtures.ts";

const PKG = normalizeSuiAddress("0xe12");
const CERTIFIED_OBJECT = "0xc63d62dd862cbb60c91ea00d67ac0bb3970650fe21910f29bcd17456c99319aa";
const REGISTERED_OBJECT = "0xe83e42186366a21773ce20410d2a647a8b56b7f31e0fbb01b1b073c26ba8299c";

let api: TestApi;
let explorer: ExplorerBrowser;
let page: Page;
/** The objects `GET /v1/blobs` lists, newest first. */
let listed: { blobId: string; objectId: string; status: string }[];

beforeAll(async () => {
  api = await startTestApi(async (database) => {
    await indexTestnetWalrus(database);
    await indexCheckpoints(database.db, provenanceScenario(PKG, 1, 700), [
      provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
    ]);
  });
  const response = await api.get("/v1/blobs?limit=100");
  expect(response.status).toBe(200);
  listed = ((await response.json()) as { items: typeof listed }).items;
  expect(listed).toHaveLength(8); // the 8 Walrus events of the fixtures, one object each
  // Tall enough for the side panel to show both Blob objects of one blob id.
  explorer = await openExplorerBrowser({ width: 1280, height: 1300 });
  page = explorer.page;
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: api.url,
  });
}, 120_000);

afterAll(async () => {
  await explorer?.close();
  await api?.close();
});

const rows = () => page.locator("#blob-rows tr");
const rowOf = (objectId: string) => page.locator(`#blob-rows tr[data-object-id="${objectId}"]`);
const card = (objectId: string) =>
  page.locator(`#walrus-facts .blob-object[data-object-id="${objectId}"]`);
/** The text of the `<dd>` after the `<dt>` named `term` in `card`. */
const field = (objectId: string, term: string) =>
  card(objectId).locator(`dt:text-is("${term}") + dd`).textContent();

describe("the explorer's Walrus blobs", () => {
  it("lists the real Blob objects with their status, newest first", async () => {
    await page.goto(`${api.url}/`);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(8);
    const shown = await rows().evaluateAll((trs) =>
      trs.map((tr) => {
        const { blobId, objectId, status } = (tr as unknown as { dataset: Record<string, string> })
          .dataset;
        return { blobId, objectId, status };
      }),
    );
    expect(shown).toEqual(
      listed.map(({ blobId, objectId, status }) => ({ blobId, objectId, status })),
    );
    expect(await page.locator("#blobs-status").textContent()).toBe("8 Blob objects, newest first.");
    // One row: shortened blob id, status badge, epochs, size in bytes, shortened object id.
    const cells = await rowOf(REGISTERED_OBJECT).locator("td").allTextContents();
    expect(cells).toEqual([
      "y4UaG1au…IDAI Copy",
      "registered",
      "182",
      "—",
      "183",
      "63,064",
      "0xe83e42…299c",
    ]);
    expect((await rowOf(CERTIFIED_OBJECT).locator("td").allTextContents()).slice(1, 6)).toEqual([
      "certified",
      "—",
      "182",
      "183",
      "—",
    ]);
  });

  it("filters the list by status", async () => {
    await page.goto(`${api.url}/`);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(8);
    await page.getByLabel("Status").selectOption("certified");
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().getAttribute("data-object-id")).toBe(CERTIFIED_OBJECT);
    await page.getByLabel("Status").selectOption("deleted");
    await expect
      .poll(() => page.locator("#blobs-status").textContent())
      .toBe("No deleted Walrus Blob objects indexed yet.");
    expect(await rows().count()).toBe(0);
  });

  it("copies a full blob id from its shortened row", async () => {
    await page.goto(`${api.url}/`);
    const copy = rowOf(CERTIFIED_OBJECT).getByRole("button", { name: /^Copy blob id/ });
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe("Copied");
    const clipboard = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    expect(clipboard).toBe(TWICE_STORED_BLOB);
    expect(page.url()).toBe(`${api.url}/`); // copying does not open the blob
  });

  it("opens a blob from the list: its two Blob objects with status, epochs and event ids", async () => {
    await page.goto(`${api.url}/`);
    await rowOf(CERTIFIED_OBJECT)
      .getByRole("button", { name: /^y4UaG1au/ })
      .click();
    await drawn(page, TWICE_STORED_BLOB);
    expect(new URL(page.url()).searchParams.get("id")).toBe(TWICE_STORED_BLOB);
    await page.locator(`#walrus-facts[data-blob-id="${TWICE_STORED_BLOB}"]`).waitFor();
    expect(await page.locator("#panel-title").textContent()).toBe("blob y4UaG1au…IDAI");
    expect(
      await page
        .locator("#walrus-facts .blob-object")
        .evaluateAll((cards) =>
          cards.map((c) => (c as unknown as { dataset: Record<string, string> }).dataset),
        ),
    ).toEqual([
      { objectId: CERTIFIED_OBJECT, status: "certified" },
      { objectId: REGISTERED_OBJECT, status: "registered" },
    ]);

    expect(await field(CERTIFIED_OBJECT, "object id")).toBe(`${CERTIFIED_OBJECT} Copy`);
    expect(await field(CERTIFIED_OBJECT, "status")).toBe("certified");
    expect(await field(CERTIFIED_OBJECT, "certified epoch")).toBe("182");
    expect(await field(CERTIFIED_OBJECT, "end epoch")).toBe("183 (stored until, exclusive)");
    expect(await field(CERTIFIED_OBJECT, "registered epoch")).toBe(
      "unknown (registration not indexed)",
    );
    expect(await field(CERTIFIED_OBJECT, "deletable")).toBe("yes");
    const certifiedTx = "6ukNiSVVC6TtvHFhCkDzA3ascUZVPBuWXQ8855XaJEcH";
    expect(await field(CERTIFIED_OBJECT, "certified in")).toBe(
      `checkpoint 248050771, event 0, tx ${certifiedTx}`,
    );
    expect(await card(CERTIFIED_OBJECT).locator("a").getAttribute("href")).toBe(
      `https://suiscan.xyz/testnet/tx/${certifiedTx}`,
    );
    expect(await card(CERTIFIED_OBJECT).locator('dt:text-is("registered in")').count()).toBe(0);

    expect(await field(REGISTERED_OBJECT, "status")).toBe("registered");
    expect(await field(REGISTERED_OBJECT, "registered epoch")).toBe("182");
    expect(await field(REGISTERED_OBJECT, "certified epoch")).toBe("not certified");
    expect(await field(REGISTERED_OBJECT, "end epoch")).toBe("183 (stored until, exclusive)");
    expect(await field(REGISTERED_OBJECT, "size")).toBe("63,064 bytes");
    expect(await field(REGISTERED_OBJECT, "registered in")).toMatch(
      /^checkpoint 248054311, event 0, tx [1-9A-HJ-NP-Za-km-z]{43,44}$/,
    );
    expect(await page.locator("#walrus-facts").textContent()).toContain(
      "No dataset or model is registered with this blob id.",
    );
    // Both rows of the blob are marked in the list.
    expect(await page.locator('#blob-rows tr[aria-current="true"]').count()).toBe(2);

    expect(isPng(await screenshot(explorer, "walrus-blob"))).toBe(true);
  }, 60_000);

  it("names the committee a blob's real proofs need when another epoch's is pinned", async () => {
    const answer = await api.get(
      `/v1/lineage/${TWICE_STORED_BLOB}?direction=both&depth=4&proofs=inline`,
    );
    const { nodes, edges, proofs } = (await answer.json()) as {
      nodes: { event: { proof: string } }[];
      edges: { event: { proof: string } }[];
      proofs: Record<string, { epoch: string }>;
    };
    const needed = [...nodes, ...edges].map((x) => proofs[x.event.proof]?.epoch);
    expect(needed.length).toBeGreaterThan(0);
    for (const epoch of needed) expect(epoch).toMatch(/^\d+$/); // every bundle is kept
    await page.goto(`${api.url}/?id=${TWICE_STORED_BLOB}`);
    await drawn(page, TWICE_STORED_BLOB);
    // a real committee file of epoch 0 (a test network's genesis validators)
    await page
      .getByLabel("Trust a committee file (committee.bcs)")
      .setInputFiles(join(SUI_CHECKPOINTS, "..", "light-client", "ocs", "committee.bcs"));
    await expect
      .poll(() => page.locator("#proof-summary").textContent(), { timeout: 30_000 })
      .toBe(
        `0 of ${needed.length} proofs verified against epoch 0's committee; ${needed.length} not verified`,
      );
    expect(await page.locator("#proof-items li").allTextContents()).toEqual(
      needed.map((epoch) =>
        expect.stringContaining(
          `not verified: pin the committee of epoch ${epoch} (the pinned one is of epoch 0)`,
        ),
      ),
    );
    expect(explorer.errors).toEqual([]);
  }, 60_000);

  it("finds a blob by search, and links a dataset stored as a blob to its lineage", async () => {
    await page.goto(`${api.url}/`);
    await page.getByLabel(/Search datasets/).fill(TWICE_STORED_BLOB.slice(0, 10));
    await page.getByLabel(/Search datasets/).press("Enter");
    await page
      .locator(`#results li[data-kind="blob"][data-id="${TWICE_STORED_BLOB}"] button`)
      .click();
    await drawn(page, TWICE_STORED_BLOB);
    await expect.poll(() => page.locator("#walrus-facts .blob-object").count()).toBe(2);

    const raw = (await api.database.db.select().from(datasets)).find((d) => d.name === "raw-0");
    await page.goto(`${api.url}/?id=${raw!.blobId}`);
    await drawn(page, raw!.blobId);
    await page.locator(`#walrus-facts[data-blob-id="${raw!.blobId}"]`).waitFor();
    expect(await page.locator("#walrus-facts").textContent()).toContain(
      "Walrus reported no Blob object for this blob id in the indexed checkpoints.",
    );
    await page
      .locator(`#walrus-facts li[data-kind="dataset"][data-id="${raw!.datasetId}"] button`)
      .click();
    await drawn(page, raw!.datasetId);
    expect(await page.locator("#panel-title").textContent()).toBe(raw!.name);
    expect(explorer.errors).toEqual([]);
  }, 60_000);
});

import { normalizeSuiAddress } from "@mysten/sui/utils";
import { provenanceProcessor } from "@verity/indexer";
import { createVerityClient } from "@verity/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provenanceScenario } from "../../indexer/test/support/provenance-scenario.ts";
import { indexInto, startTestApi, type TestApi } from "./support/api.ts";

const PKG = normalizeSuiAddress("0xc11e");
const scenario = provenanceScenario(PKG, 2, 700);
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi((database) =>
    indexInto(database, scenario, [provenanceProcessor({ network: "testnet", packageIds: [PKG] })]),
  );
});
afterAll(() => api.close());

describe("the sdk's typed client (hono/client over the API's routes)", () => {
  it("reads status and a dataset with typed responses", async () => {
    const verity = createVerityClient(api.url);
    const status = await verity.v1.status.$get();
    expect(status.ok).toBe(true);
    const body = await status.json();
    expect(body.pipelines.map((p) => p.pipeline)).toEqual(["provenance"]);

    const datasets = await verity.v1.datasets.$get({ query: { limit: "5" } });
    expect(datasets.ok).toBe(true);
    if (!datasets.ok) return;
    const page = await datasets.json();
    expect(page.items).toHaveLength(4);
    const first = page.items[0]!;
    const one = await verity.v1.datasets[":id"].$get({ param: { id: first.id } });
    expect(one.status).toBe(200);
    if (!one.ok) return;
    const dataset = await one.json();
    expect(dataset.id).toBe(first.id);
    expect(dataset.proof.checkpoint).toBeGreaterThanOrEqual(700);
  });

  it("gets problem responses for bad input", async () => {
    const verity = createVerityClient(api.url);
    const bad = await verity.v1.datasets[":id"].$get({ param: { id: "not-an-id" } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
  });

  it("is typed from the route definitions (a wrong parameter does not compile)", () => {
    const verity = createVerityClient(api.url);
    // @ts-expect-error: the dataset route takes `id`, not `datasetId`
    const call = () => verity.v1.datasets[":id"].$get({ param: { datasetId: "0x1" } });
    expect(typeof call).toBe("function");
  });
});

import { normalizeSuiAddress } from "@mysten/sui/utils";
import { indexCheckpoints, provenanceProcessor } from "@verity/indexer";
import { type apiTypes, createVerityClient, type VerityClient } from "@verity/sdk";
import { provenanceScenario } from "@verity/test-scenarios";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";

const PKG = normalizeSuiAddress("0xc11e");
const scenario = provenanceScenario(PKG, 2, 700);
let api: TestApi;
let verity: VerityClient;
beforeAll(async () => {
  api = await startTestApi((database) =>
    indexCheckpoints(database.db, scenario, [
      provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
    ]),
  );
  verity = createVerityClient(`${api.url}/`);
});
afterAll(() => api.close());

describe("the sdk's client (generated from the OpenAPI document) against a served API", () => {
  it("reads the status, a page of datasets and one dataset, typed", async () => {
    const status = await verity.getStatus();
    expect(status.data?.pipelines.map((p) => p.pipeline)).toEqual(["provenance"]);

    const page = await verity.listDatasets({ query: { limit: 5 } });
    expect(page.error).toBeUndefined();
    expectTypeOf(page.data).toEqualTypeOf<apiTypes.DatasetPage | undefined>();
    expect(page.data!.items).toHaveLength(4);
    const first = page.data!.items[0]!;

    const one = await verity.getDataset({ path: { id: first.id } });
    expect(one.response.status).toBe(200);
    expectTypeOf(one.data).toEqualTypeOf<apiTypes.DatasetDetail | undefined>();
    expect(one.data).toMatchObject({ id: first.id, name: first.name, nextId: null });
    expect(one.data!.event.checkpoint).toBeGreaterThanOrEqual(700);
  });

  it("reads a lineage, typed", async () => {
    const page = await verity.listDatasets({ query: { limit: 1 } });
    const id = page.data!.items[0]!.id;
    const lineage = await verity.getLineage({
      path: { id },
      query: { direction: "both", depth: 2 },
    });
    expect(lineage.error).toBeUndefined();
    expectTypeOf(lineage.data).toEqualTypeOf<apiTypes.Lineage | undefined>();
    const { nodes, edges, truncated } = lineage.data!;
    expect(nodes[0]).toMatchObject({ id, kind: "dataset", provType: "entity", depth: 0 });
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining([edge.src, edge.dst]));
    }
    expect(truncated).toBe(false);
  });

  it("gets a 404 problem, typed, for an unknown id", async () => {
    const unknown = normalizeSuiAddress("0x404");
    const answer = await verity.getDataset({ path: { id: unknown } });
    expect(answer.data).toBeUndefined();
    expect(answer.response.status).toBe(404);
    expect(answer.response.headers.get("content-type")).toBe("application/problem+json");
    expectTypeOf(answer.error).toEqualTypeOf<apiTypes.Problem | undefined>();
    expect(answer.error).toEqual({
      type: "https://verity.dev/problems/not-found",
      title: "Not Found",
      status: 404,
      detail: `no dataset ${unknown}`,
      instance: `/v1/datasets/${unknown}`,
    });
  });

  it("gets a 400 problem for a malformed id", async () => {
    const answer = await verity.getDataset({ path: { id: "not-an-id" } });
    expect(answer.response.status).toBe(400);
    expect(answer.error?.type).toBe("https://verity.dev/problems/invalid-request");
  });

  it("is typed from the document (a wrong parameter does not compile)", () => {
    // @ts-expect-error: the dataset operation takes `path.id`, not `path.datasetId`
    const call = () => verity.getDataset({ path: { datasetId: "0x1" } });
    expect(typeof call).toBe("function");
  });
});

import { normalizeSuiAddress } from "@mysten/sui/utils";
import { indexCheckpoints, provenanceProcessor } from "@verity/indexer";
import { provenanceScenario } from "@verity/test-scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";

const PKG = normalizeSuiAddress("0xa91");
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi((database) =>
    indexCheckpoints(database.db, provenanceScenario(PKG, 3, 500), [
      provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
    ]),
  );
});
afterAll(() => api.close());

describe("operations endpoints over HTTP", () => {
  it("/healthz answers ok when the database does", async () => {
    const response = await api.get("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("/v1/status gives each pipeline's watermark and lag", async () => {
    const body = (await (await api.get("/v1/status")).json()) as {
      network: string;
      pipelines: { pipeline: string; watermark: number; lagMs: number }[];
    };
    expect(body.network).toBe("testnet");
    expect(body.pipelines).toEqual([
      expect.objectContaining({
        pipeline: "provenance",
        watermark: 502,
        checkpointTimestampMs: 1_700_000_002_000,
      }),
    ]);
    expect(body.pipelines[0]!.lagMs).toBeGreaterThan(0);
  });

  it("answers unknown routes with problem+json, never a stack trace", async () => {
    const response = await api.get("/v1/nope");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({
      type: "https://verity.dev/problems/not-found",
      title: "Not Found",
      status: 404,
      detail: "no route GET /v1/nope",
      instance: "/v1/nope",
    });
  });

  it("publishes its OpenAPI document", async () => {
    const doc = (await (await api.get("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/healthz", "/v1/status"]));
  });
});

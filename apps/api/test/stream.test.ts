import { normalizeSuiAddress } from "@mysten/sui/utils";
import { indexCheckpoints, provenanceProcessor } from "@verity/indexer";
import { provenanceScenario } from "@verity/test-scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";

const PKG = normalizeSuiAddress("0xa93");
const scenario = provenanceScenario(PKG, 3, 700);
const processors = [provenanceProcessor({ network: "testnet", packageIds: [PKG] })];
const PER_STORY = 7; // 2 datasets, 3 attestations, 1 model, 1 inference

type SseEvent = {
  id: string;
  event: string;
  data: { kind: string; event: { checkpoint: number } };
};

/** Reads `n` Server-Sent Events from `response`, then closes it. */
async function readEvents(response: Response, n: number): Promise<SseEvent[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let buffer = "";
  while (events.length < n) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const fields = Object.fromEntries(
        buffer
          .slice(0, end)
          .split("\n")
          .filter((line) => !line.startsWith(":"))
          .map((line) => [
            line.slice(0, line.indexOf(":")),
            line.slice(line.indexOf(":") + 1).trim(),
          ]),
      );
      buffer = buffer.slice(end + 2);
      if (fields.data) events.push({ ...fields, data: JSON.parse(fields.data) } as SseEvent);
      end = buffer.indexOf("\n\n");
    }
  }
  await reader.cancel();
  return events;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi((database) =>
    indexCheckpoints(database.db, scenario.slice(0, 1), processors),
  );
});
afterAll(() => api.close());

describe("GET /v1/stream over HTTP", () => {
  let received: SseEvent[] = [];

  it("sends what is indexed after connecting, each event with its event id", async () => {
    const response = await api.get("/v1/stream");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reading = readEvents(response, 2 * PER_STORY);
    await indexCheckpoints(api.database.db, scenario, processors);
    received = await reading;
    expect(received).toHaveLength(2 * PER_STORY);
    expect(received.map((e) => e.data.event.checkpoint)).toEqual([
      ...Array(PER_STORY).fill(701),
      ...Array(PER_STORY).fill(702),
    ]);
    expect(new Set(received.map((e) => e.event))).toEqual(
      new Set(["dataset", "model", "attestation", "inference"]),
    );
    for (const e of received) {
      expect(e.event).toBe(e.data.kind);
      expect(e.id).toMatch(/^70[12]:[A-Za-z0-9_-]+:\d+$/);
    }
  });

  it("resumes right after Last-Event-ID", async () => {
    const response = await api.get("/v1/stream", {
      headers: { "last-event-id": received[PER_STORY + 2]!.id },
    });
    const resumed = await readEvents(response, PER_STORY - 3);
    expect(resumed.map((e) => e.id)).toEqual(received.slice(PER_STORY + 3).map((e) => e.id));
  });

  it("resumes after a whole checkpoint with ?after=", async () => {
    const resumed = await readEvents(await api.get("/v1/stream?after=701"), PER_STORY);
    expect(resumed.map((e) => e.id)).toEqual(received.slice(PER_STORY).map((e) => e.id));
  });

  it("refuses a malformed Last-Event-ID with 400", async () => {
    const response = await api.get("/v1/stream", { headers: { "last-event-id": "'; drop" } });
    expect(response.status).toBe(400);
  });
});

describe("GET /metrics", () => {
  it("serves Prometheus text with request counts per route and the indexer watermark", async () => {
    await api.get("/v1/status");
    const text = await (await api.get("/metrics")).text();
    expect(text).toMatch(
      /verity_api_requests_total\{method="GET",route="\/v1\/status",status="200"\} \d+/,
    );
    expect(text).toContain("verity_api_request_duration_seconds_bucket");
    expect(text).toContain('verity_indexer_watermark{pipeline="provenance"} 702');
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServer, startApiServer } from "../src/server.ts";
import { startTestApi, type TestApi } from "./support/api.ts";

/** Inputs every route must refuse (or ignore) with a 4xx, never a 5xx. */
const BAD = [
  "'; drop table datasets; --",
  "../../etc/passwd",
  "a\u0000b",
  "x".repeat(10_000),
  `0x${"g".repeat(64)}`,
  "-1",
  "%",
  "<script>alert(1)</script>",
];

type Operation = { parameters?: { name: string; in: string }[]; requestBody?: unknown };
type Doc = { paths: Record<string, Record<string, Operation>> };

let api: TestApi;
let open: ApiServer; // rate limit off, for the sweep
const servers: ApiServer[] = [];
const start = async (deps: object) => {
  const server = await startApiServer({ database: api.database, ...deps }, { port: 0 });
  servers.push(server);
  return server;
};
beforeAll(async () => {
  api = await startTestApi();
  open = await start({ rateLimit: false });
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await api.close();
});

/** Sends a request and returns its status, abandoning endless bodies (the live stream). */
async function statusOf(url: string, init: RequestInit = {}): Promise<number> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
  await response.body?.cancel();
  return response.status;
}

describe("bad input against every route of the OpenAPI document", () => {
  it("never answers 5xx", async () => {
    const doc = (await (await fetch(`${open.url}/openapi.json`)).json()) as Doc;
    const failures: string[] = [];
    let sent = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const bad of BAD) {
          const url = new URL(
            path.replace(/\{[^}]+\}/g, encodeURIComponent(bad)).replace(/\/$/, "") || "/",
            open.url,
          );
          for (const p of op.parameters ?? [])
            if (p.in === "query") url.searchParams.set(p.name, bad);
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (!bad.includes("\u0000") && bad.length < 1000) {
            for (const p of op.parameters ?? []) if (p.in === "header") headers[p.name] = bad;
          }
          const bodies =
            method === "get"
              ? [undefined]
              : [JSON.stringify({ attestationId: bad, id: bad }), bad, JSON.stringify(bad)];
          for (const body of bodies) {
            const status = await statusOf(url.href, {
              method: method.toUpperCase(),
              headers,
              body,
            });
            sent += 1;
            if (status >= 500)
              failures.push(
                `${method.toUpperCase()} ${path} ${JSON.stringify(bad.slice(0, 40))}: ${status}`,
              );
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(BAD.length * 3);
    expect(failures).toEqual([]);
  });

  it("refuses malformed JSON and wrong content types with 400 / 415 problems", async () => {
    const post = (body: string, type: string) =>
      fetch(`${open.url}/v1/verify/attestation`, {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
    const malformed = await post("{not json", "application/json");
    expect(malformed.status).toBe(400);
    const wrongType = await post("attestationId=0x1", "application/x-www-form-urlencoded");
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses JSON bodies over 64 KiB with a 413 problem", async () => {
    const response = await fetch(`${open.url}/v1/verify/attestation`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ attestationId: "x".repeat(70_000) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { type: string }).type).toBe(
      "https://verity.dev/problems/body-too-large",
    );
  });
});

describe("rate limit and CORS", () => {
  it("answers 429 with Retry-After once a client's bucket is empty", async () => {
    const limited = await start({ rateLimit: { perSecond: 1, burst: 3 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await statusOf(`${limited.url}/healthz`));
    expect(statuses).toEqual([200, 200, 200, 429]);
    const response = await fetch(`${limited.url}/healthz`);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("allows the configured origins only", async () => {
    const withCors = await start({ cors: ["https://app.example"] });
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/v1/status`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "GET" },
      });
    const allowed = await preflight(withCors.url, "https://app.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const other = await preflight(withCors.url, "https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const none = await fetch(`${open.url}/v1/status`, {
      headers: { origin: "https://app.example" },
    });
    expect(none.headers.get("access-control-allow-origin")).toBeNull();
  });
});

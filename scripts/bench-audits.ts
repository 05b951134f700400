/**
 * `pnpm bench:api`'s audits: `POST /v1/audits` (default policy, `maxNodes` raised so nothing is
 * cut) of models whose upstream holds `AUDIT_MIN_NODES` to `AUDIT_MAX_NODES` nodes, the size the
 * issue names (the 1M-node graph's newest models reach 100,000 and more), one request at a time
 * over a kept-alive connection: p50 / p99 until the last byte.
 */
import http from "node:http";
import { type HeldGraph, MAX_AUDIT_DEPTH, MAX_AUDIT_NODES } from "@verity/db";

/** Upstreams audited, nodes. */
const AUDIT_MIN_NODES = 10_000;
const AUDIT_MAX_NODES = 20_000;
/** Models audited, and requests per model. */
const SUBJECTS = 20;
const ROUNDS = 5;
/** The aim for the p99, ms. */
const AIM_MS = 100;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** POSTs `body` as JSON to `url`: the status and the parsed answer. */
function post(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": bytes.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString("utf8")),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(bytes);
  });
}

/**
 * Audits `SUBJECTS` of `models` whose upstream in `graph` holds `AUDIT_MIN_NODES` to
 * `AUDIT_MAX_NODES` nodes, through the API at `api`; prints the figures. Says so when no model's
 * upstream is that large.
 */
export async function measureAudits(api: string, graph: HeldGraph, models: string[]) {
  const walk = {
    direction: "upstream",
    depth: MAX_AUDIT_DEPTH,
    maxNodes: AUDIT_MAX_NODES, // a larger upstream shows as truncated
  } as const;
  const subjects: { id: string; nodes: number }[] = [];
  for (const id of models) {
    const { nodes, truncated } = graph.walk(id, walk);
    if (nodes.length >= AUDIT_MIN_NODES && !truncated) subjects.push({ id, nodes: nodes.length });
    if (subjects.length === SUBJECTS) break;
  }
  if (subjects.length === 0) {
    console.log(
      `audits: no model's upstream holds ${AUDIT_MIN_NODES} to ${AUDIT_MAX_NODES} nodes: not measured`,
    );
    return;
  }
  const policy = { limits: { maxNodes: MAX_AUDIT_NODES } };
  const times: number[] = [];
  const verdicts = new Map<string, number>();
  let edges = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    for (const { id } of subjects) {
      const begin = performance.now();
      const { status, json } = await post(`${api}/v1/audits`, { subject: id, policy });
      const elapsed = performance.now() - begin;
      if (status !== 200) throw new Error(`POST /v1/audits ${id}: HTTP ${status}`);
      if (round === 0) {
        // the first round warms up; its answers are counted, not timed
        const report = json as { verdict: string; upstream: { edges: number } };
        verdicts.set(report.verdict, (verdicts.get(report.verdict) ?? 0) + 1);
        edges += report.upstream.edges;
        continue;
      }
      times.push(elapsed);
    }
  }
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const sizes = subjects.map((s) => s.nodes).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  console.log(
    `audit, default policy (${subjects.length} models, upstream ${sizes[0]!.toLocaleString("en-US")} to ${sizes.at(-1)!.toLocaleString("en-US")} nodes, median ${median.toLocaleString("en-US")}, ${Math.round(edges / subjects.length).toLocaleString("en-US")} edges on average; verdicts ${[...verdicts].map(([v, c]) => `${c} ${v}`).join(", ")}), ${times.length} requests: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms (aim p99 <= ${AIM_MS} ms)`,
  );
}

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { indexerStatus } from "@verity/db";
import type { ApiEnv } from "../context.ts";
import { apiMetrics } from "../middleware/metrics.ts";
import { rateLimited } from "../schemas/problem.ts";

const route = createRoute({
  method: "get",
  operationId: "getMetrics",
  path: "/",
  summary: "Prometheus metrics: requests per route, latency, indexer watermarks and lag",
  responses: {
    200: {
      description: "Prometheus text exposition format",
      content: { "text/plain": { schema: z.string() } },
    },
    ...rateLimited,
  },
});

/** `/metrics`: the API's Prometheus metrics, with each pipeline's watermark read on scrape. */
export const metrics = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const m = apiMetrics(c.var.deps);
  for (const p of await indexerStatus(c.var.deps.database.db)) {
    m.watermark.set({ pipeline: p.pipeline }, p.watermark);
    m.lagMs.set({ pipeline: p.pipeline }, p.lagMs);
  }
  return c.text(await m.registry.metrics(), 200, { "content-type": m.registry.contentType });
});

/** Prometheus metrics of the API, one registry per app (`GET /metrics` serves it). */
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ApiEnv } from "../context.ts";
import { perDeps } from "./per-deps.ts";

/**
 * The API's metrics, named for what an operator asks: requests and their latency per route
 * (the route pattern, e.g. `/v1/datasets/:id`, or `unmatched`), and the indexer's progress as
 * the database shows it (set on each scrape).
 */
export const apiMetrics = perDeps(() => {
  const registry = new Registry();
  return {
    registry,
    requests: new Counter({
      name: "verity_api_requests_total",
      help: "HTTP requests answered, per method, route and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    seconds: new Histogram({
      name: "verity_api_request_duration_seconds",
      help: "Time to answer (to the first byte of streamed bodies), per method and route",
      labelNames: ["method", "route"],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    }),
    watermark: new Gauge({
      name: "verity_indexer_watermark",
      help: "Last checkpoint fully committed, per pipeline (read from the database)",
      labelNames: ["pipeline"],
      registers: [registry],
    }),
    lagMs: new Gauge({
      name: "verity_indexer_lag_ms",
      help: "Wall-clock time minus the timestamp of the pipeline's watermark checkpoint, ms",
      labelNames: ["pipeline"],
      registers: [registry],
    }),
  };
});

/** Counts and times every request (errors and refusals included). */
export const requestMetrics: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const started = performance.now();
  try {
    await next();
  } finally {
    const metrics = apiMetrics(c.var.deps);
    const path = routePath(c, -1);
    const route = !path || path.endsWith("*") ? "unmatched" : path;
    metrics.requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    metrics.seconds.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
  }
};

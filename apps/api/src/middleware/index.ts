import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../context.ts";
import { jsonBodyLimit } from "./body-limit.ts";
import { cors } from "./cors.ts";
import { requestMetrics } from "./metrics.ts";
import { rateLimit } from "./rate-limit.ts";

/**
 * Cross-cutting middleware, applied before every route, outermost first: request metrics (so
 * refusals are counted), CORS (so refusals still carry its headers), the per-client rate limit
 * (429), and the JSON body cap (413). Wrong content types are refused with 415 by each route's
 * declared request body (`@hono/zod-openapi` for JSON routes, the handler for raw uploads).
 */
export function applyMiddleware(app: OpenAPIHono<ApiEnv>): void {
  app.use(requestMetrics, cors, rateLimit, jsonBodyLimit);
}

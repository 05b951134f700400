import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../context.ts";

/** Cross-cutting middleware (limits, CORS, rate limit, logging), applied before every route. */
export function applyMiddleware(_app: OpenAPIHono<ApiEnv>): void {}

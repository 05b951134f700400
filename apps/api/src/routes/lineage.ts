import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../context.ts";

/** `/v1/lineage/{id}` and its exports. */
export const lineageRoutes = new OpenAPIHono<ApiEnv>();

import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../context.ts";

/** Entity routes (`/v1/datasets`, `/v1/models`, ...): filled in by their own modules. */
export const entities = new OpenAPIHono<ApiEnv>();

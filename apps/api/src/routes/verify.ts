import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../context.ts";

/** `/v1/verify/*`: checks that need no trust in us; they store nothing. */
export const verify = new OpenAPIHono<ApiEnv>();

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { pingDatabase } from "@verity/db";
import type { ApiEnv } from "../context.ts";
import { rateLimited } from "../schemas/problem.ts";

const route = createRoute({
  method: "get",
  operationId: "getHealth",
  path: "/",
  summary: "Liveness and database reachability",
  responses: {
    200: {
      description: "The API and its database answer",
      content: { "application/json": { schema: z.object({ ok: z.literal(true) }) } },
    },
    ...rateLimited,
  },
});

/** `/healthz`: `{ ok: true }` when the database answers. */
export const health = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  await pingDatabase(c.var.deps.database.db);
  return c.json({ ok: true as const }, 200);
});

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { MAX_SEARCH_RESULTS, search } from "@verity/db";
import { NODE_KINDS } from "@verity/sdk";
import type { ApiEnv } from "../../context.ts";
import { badRequest } from "../../schemas/problem.ts";

const SearchResult = z
  .object({
    kind: z.enum(NODE_KINDS).openapi({
      description: "dataset | model | policy | attester | attestation | inference | blob",
    }),
    id: z.string().openapi({ description: "Object id, or the blob id of a blob" }),
    name: z.string().nullable(),
    blobId: z.string().nullable(),
  })
  .openapi("SearchResult");

const route = createRoute({
  method: "get",
  operationId: "search",
  path: "/search",
  summary: "Find datasets, models, policies, attesters by name; anything by id or blob id prefix",
  request: {
    query: z.object({
      q: z.string().min(1).max(200),
      limit: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).default(20),
    }),
  },
  responses: {
    200: {
      description: "Matches, names starting with q first",
      content: { "application/json": { schema: z.object({ results: z.array(SearchResult) }) } },
    },
    ...badRequest,
  },
});

/** `/v1/search?q=`. */
export const searchRoutes = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const { q, limit } = c.req.valid("query");
  return c.json({ results: await search(c.var.deps.database.db, q, limit) }, 200);
});

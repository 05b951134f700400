import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { indexerStatus } from "@verity/db";
import type { ApiEnv } from "../context.ts";
import { rateLimited } from "../schemas/problem.ts";

const PipelineStatus = z
  .object({
    pipeline: z.string().openapi({ example: "walrus" }),
    watermark: z.number().int().openapi({ description: "Last checkpoint fully committed" }),
    checkpointTimestampMs: z
      .number()
      .int()
      .openapi({ description: "Its timestamp, ms since the Unix epoch" }),
    lagMs: z.number().int().openapi({ description: "How far behind the chain, ms" }),
    updatedAt: z.string().openapi({ description: "When it was committed (ISO 8601)" }),
  })
  .openapi("PipelineStatus");

const route = createRoute({
  method: "get",
  operationId: "getStatus",
  path: "/",
  summary: "Indexer progress: watermark and lag per pipeline",
  responses: {
    200: {
      description: "Progress of every pipeline that has committed at least once",
      content: {
        "application/json": {
          schema: z
            .object({ network: z.string().nullable(), pipelines: z.array(PipelineStatus) })
            .openapi("Status"),
        },
      },
    },
    ...rateLimited,
  },
});

/** `/v1/status`: the network and each pipeline's watermark and lag. */
export const status = new OpenAPIHono<ApiEnv>().openapi(route, async (c) =>
  c.json(
    { network: c.var.deps.network ?? null, pipelines: await indexerStatus(c.var.deps.database.db) },
    200,
  ),
);

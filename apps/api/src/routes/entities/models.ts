import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getModel, listModels } from "@verity/db";
import type { ApiEnv } from "../../context.ts";
import { linkProofs } from "../../proof-links.ts";
import { EntityEvent } from "../../schemas/event-id.ts";
import { IdParam, ObjectId } from "../../schemas/ids.ts";
import { PageQuery, pageOf, pageOptions, TimeQuery } from "../../schemas/page.ts";
import { badRequest, lookupErrors } from "../../schemas/problem.ts";
import { found } from "./found.ts";

/** A registered model. */
export const Model = z
  .object({
    id: z.string(),
    network: z.string(),
    name: z.string(),
    creator: z.string(),
    blobId: z.string().openapi({ description: "Walrus blob id of the weights" }),
    sha256: z.string(),
    size: z.string().openapi({ description: "Bytes (decimal u64)" }),
    architecture: z.string(),
    framework: z.string(),
    generative: z.boolean().openapi({
      description:
        "Generates content, as its training attestation's kind says (generative_training or generative_fine_tune): its datasets' ai_generative_training applies",
    }),
    baseModelId: z.string().nullable(),
    trainingId: z.string(),
    lineageSigned: z.boolean().openapi({
      description: "Whether an attester signed its training (false when self-recorded)",
    }),
    datasets: z.array(z.string()),
    constraints: z
      .array(z.object({ dataset: z.string(), constraints: z.array(z.string()) }))
      .openapi({
        description:
          "The constraints its datasets' terms put on it, per dataset; a fine-tune's base's come first",
      }),
    timestampMs: z.number().int(),
    event: EntityEvent,
  })
  .openapi("Model");

const one = createRoute({
  method: "get",
  operationId: "getModel",
  path: "/models/{id}",
  summary: "A model",
  request: { params: IdParam },
  responses: {
    200: { description: "The model", content: { "application/json": { schema: Model } } },
    ...lookupErrors,
  },
});

const list = createRoute({
  method: "get",
  operationId: "listModels",
  path: "/models",
  summary: "Models, newest first",
  request: {
    query: PageQuery.extend(TimeQuery.shape).extend({
      creator: ObjectId.optional(),
      framework: z.string().optional(),
      dataset: ObjectId.optional().openapi({ description: "Models trained on this dataset" }),
    }),
  },
  responses: {
    200: {
      description: "A page of models",
      content: { "application/json": { schema: pageOf(Model, "Model") } },
    },
    ...badRequest,
  },
});

/** `/v1/models` and `/v1/models/{id}`. */
export const models = new OpenAPIHono<ApiEnv>()
  .openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(linkProofs(found(await getModel(c.var.deps.database.db, id), "model", id)), 200);
  })
  .openapi(list, async (c) => {
    const q = c.req.valid("query");
    const filter = {
      creator: q.creator,
      framework: q.framework,
      dataset: q.dataset,
      fromMs: q.from,
      toMs: q.to,
    };
    return c.json(
      linkProofs(await listModels(c.var.deps.database.db, filter, pageOptions(q))),
      200,
    );
  });

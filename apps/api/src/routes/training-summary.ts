import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { TRAINING_SUMMARY_TEMPLATE, trainingSummary } from "@verity/db";
import type { ApiEnv } from "../context.ts";
import { ProblemError } from "../problem.ts";
import { linkProofs } from "../proof-links.ts";
import { IdParam } from "../schemas/ids.ts";
import { lookupErrors } from "../schemas/problem.ts";

const route = createRoute({
  method: "get",
  operationId: "getTrainingSummary",
  path: "/{id}/training-summary",
  summary:
    "A draft of the model's public summary of training content (EU AI Act Art. 53(1)(d) template), from the chain",
  description: `In the structure of the ${TRAINING_SUMMARY_TEMPLATE}: general (provider address, model, modalities, training data size in bytes), dataSources (every upstream dataset with license, size, media type, dates, derivations, retraction), processing (attested activities and their attesters, each dataset's AI-use terms). Every fact carries its event with its proof bundle path; the fields the chain cannot fill are { value: null, notOnChain } and listed in notOnChain.`,
  request: { params: IdParam },
  responses: {
    200: {
      description: "The draft",
      content: {
        "application/json": {
          schema: z.record(z.string(), z.unknown()).openapi("TrainingSummary"),
        },
      },
    },
    ...lookupErrors,
  },
});

/** `/v1/models/{id}/training-summary`: the draft `verity training-summary` prints as JSON. */
export const trainingSummaries = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const { id } = c.req.valid("param");
  const { database, graph } = c.var.deps;
  const summary = await trainingSummary(database.db, id, graph);
  if (!summary) throw new ProblemError(404, "not-found", `no model ${id} is indexed`);
  return c.json(linkProofs(summary), 200);
});

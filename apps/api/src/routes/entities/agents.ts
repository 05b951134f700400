import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getAgent } from "@verity/db";
import type { ApiEnv } from "../../context.ts";
import { linkProofs } from "../../proof-links.ts";
import { ObjectId } from "../../schemas/ids.ts";
import { lookupErrors } from "../../schemas/problem.ts";
import { Attestation, Inference } from "./activities.ts";
import { Dataset } from "./datasets.ts";
import { found } from "./found.ts";
import { Model } from "./models.ts";

const count = z.number().int();

const Agent = z
  .object({
    address: z.string(),
    counts: z.object({
      datasets: count,
      models: count,
      attestations: count.openapi({ description: "Submitted" }),
      inferences: count.openapi({ description: "Submitted" }),
      policies: count,
      attesters: count.openapi({ description: "Administered" }),
    }),
    latest: z.object({
      datasets: z.array(Dataset),
      models: z.array(Model),
      attestations: z.array(Attestation),
      inferences: z.array(Inference),
    }),
  })
  .openapi("Agent");

const route = createRoute({
  method: "get",
  operationId: "getAgent",
  path: "/agents/{address}",
  summary: "What an address created or submitted: counts and the 5 latest of each",
  request: {
    params: z.object({ address: ObjectId.openapi({ param: { name: "address", in: "path" } }) }),
  },
  responses: {
    200: { description: "The agent", content: { "application/json": { schema: Agent } } },
    ...lookupErrors,
  },
});

/** `/v1/agents/{address}`. */
export const agents = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const { address } = c.req.valid("param");
  return c.json(
    linkProofs(found(await getAgent(c.var.deps.database.db, address), "agent", address)),
    200,
  );
});

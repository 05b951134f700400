import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getEnclaveConfig, listEnclaveConfigs } from "@verity/db";
import type { ApiEnv } from "../../context.ts";
import { linkProofs } from "../../proof-links.ts";
import { EntityEvent } from "../../schemas/event-id.ts";
import { IdParam, ObjectId } from "../../schemas/ids.ts";
import { PageQuery, pageOf, pageOptions } from "../../schemas/page.ts";
import { badRequest, lookupErrors } from "../../schemas/problem.ts";
import { found } from "./found.ts";

/** An enclave image's measurements, which enclave attesters are registered against. */
const EnclaveConfig = z
  .object({
    id: z.string(),
    network: z.string(),
    name: z.string(),
    pcrs: z
      .array(z.string())
      .openapi({ description: "[PCR0, PCR1, PCR2], hex (SHA-384, 48 bytes each)" }),
    admin: z.string().openapi({ description: "The AdminCap holder who published it" }),
    timestampMs: z.number().int(),
    event: EntityEvent,
    retirement: z
      .object({
        admin: z.string().openapi({ description: "The AdminCap holder who retired it" }),
        timestampMs: z.number().int(),
        event: EntityEvent,
      })
      .nullable()
      .openapi({
        description:
          "Its retirement (EnclaveConfigRetired): no enclave registers under it since; attesters registered before stay until revoked. Null while it is in use",
      }),
  })
  .openapi("EnclaveConfig");

const routes = {
  enclaveConfig: createRoute({
    method: "get",
    operationId: "getEnclaveConfig",
    path: "/enclave-configs/{id}",
    summary: "An enclave config: the PCRs an enclave attester's Nitro document must match",
    request: { params: IdParam },
    responses: {
      200: { description: "It", content: { "application/json": { schema: EnclaveConfig } } },
      ...lookupErrors,
    },
  }),
  enclaveConfigs: createRoute({
    method: "get",
    operationId: "listEnclaveConfigs",
    path: "/enclave-configs",
    summary: "Enclave configs, newest first, retired ones included",
    request: { query: PageQuery.extend({ admin: ObjectId.optional() }) },
    responses: {
      200: {
        description: "A page of enclave configs",
        content: { "application/json": { schema: pageOf(EnclaveConfig, "EnclaveConfig") } },
      },
      ...badRequest,
    },
  }),
};

/** `/v1/enclave-configs[/{id}]`. */
export const enclaveConfigs = new OpenAPIHono<ApiEnv>()
  .openapi(routes.enclaveConfig, async (c) => {
    const { id } = c.req.valid("param");
    const config = await getEnclaveConfig(c.var.deps.database.db, id);
    return c.json(linkProofs(found(config, "enclave config", id)), 200);
  })
  .openapi(routes.enclaveConfigs, async (c) => {
    const q = c.req.valid("query");
    return c.json(
      linkProofs(
        await listEnclaveConfigs(c.var.deps.database.db, { admin: q.admin }, pageOptions(q)),
      ),
      200,
    );
  });

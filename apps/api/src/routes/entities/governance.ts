import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getAttester, getPolicy, listAttesters, listPolicies } from "@verity/db";
import { POLICY_KINDS } from "@verity/sdk";
import type { ApiEnv } from "../../context.ts";
import { linkProofs } from "../../proof-links.ts";
import { EntityEvent } from "../../schemas/event-id.ts";
import { IdParam, ObjectId } from "../../schemas/ids.ts";
import { PageQuery, pageOf, pageOptions } from "../../schemas/page.ts";
import { badRequest, lookupErrors } from "../../schemas/problem.ts";
import { found } from "./found.ts";

const Policy = z
  .object({
    id: z.string(),
    network: z.string(),
    kind: z.enum(POLICY_KINDS),
    name: z.string().nullable(),
    creator: z.string(),
    capId: z.string().nullable(),
    unlockMs: z.string().nullable().openapi({ description: "Timelock: opens at, ms (decimal)" }),
    feeMist: z.string().nullable().openapi({ description: "Subscription price, MIST (decimal)" }),
    ttlMs: z.string().nullable().openapi({ description: "Subscription lifetime, ms (decimal)" }),
    timestampMs: z.number().int(),
    event: EntityEvent,
  })
  .openapi("Policy");

const PolicyDetail = Policy.extend({
  members: z.array(z.string()).openapi({ description: "Allowlist: current members, sorted" }),
}).openapi("PolicyDetail");

const Attester = z
  .object({
    id: z.string(),
    network: z.string(),
    name: z.string(),
    enclaveConfigId: z.string().nullable().openapi({
      description:
        "The EnclaveConfig of an enclave attester (key from a Nitro document); null for a plain key",
    }),
    pcrs: z
      .array(z.string())
      .openapi({ description: "An enclave's PCR0-2 (hex), empty for a plain key" }),
    admin: z.string().openapi({
      description:
        "Who registered it: the admin for a plain key, whoever submitted an enclave's Nitro document",
    }),
    timestampMs: z.number().int(),
    revoked: z.boolean(),
    event: EntityEvent,
  })
  .openapi("Attester");

const AttesterDetail = Attester.extend({
  keys: z.array(
    z.object({
      keyVersion: z.number().int(),
      publicKey: z.string(),
      timestampMs: z.number().int(),
      event: EntityEvent,
    }),
  ),
  revocation: z
    .object({ publicKey: z.string(), timestampMs: z.number().int(), event: EntityEvent })
    .nullable(),
}).openapi("AttesterDetail");

const routes = {
  policy: createRoute({
    method: "get",
    operationId: "getPolicy",
    path: "/policies/{id}",
    summary: "A Seal policy, with an allowlist's current members",
    request: { params: IdParam },
    responses: {
      200: { description: "It", content: { "application/json": { schema: PolicyDetail } } },
      ...lookupErrors,
    },
  }),
  policies: createRoute({
    method: "get",
    operationId: "listPolicies",
    path: "/policies",
    summary: "Seal policies, newest first",
    request: {
      query: PageQuery.extend({
        kind: z.enum(POLICY_KINDS).optional(),
        creator: ObjectId.optional(),
      }),
    },
    responses: {
      200: {
        description: "A page of policies",
        content: { "application/json": { schema: pageOf(Policy, "Policy") } },
      },
      ...badRequest,
    },
  }),
  attester: createRoute({
    method: "get",
    operationId: "getAttester",
    path: "/attesters/{id}",
    summary: "An attester, its key history and revocation",
    request: { params: IdParam },
    responses: {
      200: { description: "It", content: { "application/json": { schema: AttesterDetail } } },
      ...lookupErrors,
    },
  }),
  attesters: createRoute({
    method: "get",
    operationId: "listAttesters",
    path: "/attesters",
    summary: "Attesters, newest first",
    request: { query: PageQuery.extend({ admin: ObjectId.optional() }) },
    responses: {
      200: {
        description: "A page of attesters",
        content: { "application/json": { schema: pageOf(Attester, "Attester") } },
      },
      ...badRequest,
    },
  }),
};

/** `/v1/policies[/{id}]` and `/v1/attesters[/{id}]`. */
export const governance = new OpenAPIHono<ApiEnv>()
  .openapi(routes.policy, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(
      linkProofs(found(await getPolicy(c.var.deps.database.db, id), "policy", id)),
      200,
    );
  })
  .openapi(routes.policies, async (c) => {
    const q = c.req.valid("query");
    const filter = { kind: q.kind, creator: q.creator };
    return c.json(
      linkProofs(await listPolicies(c.var.deps.database.db, filter, pageOptions(q))),
      200,
    );
  })
  .openapi(routes.attester, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(
      linkProofs(found(await getAttester(c.var.deps.database.db, id), "attester", id)),
      200,
    );
  })
  .openapi(routes.attesters, async (c) => {
    const q = c.req.valid("query");
    return c.json(
      linkProofs(await listAttesters(c.var.deps.database.db, { admin: q.admin }, pageOptions(q))),
      200,
    );
  });

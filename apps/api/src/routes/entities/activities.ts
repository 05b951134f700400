import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getAttestation, getInference, listAttestations, listInferences } from "@verity/db";
import { ATTESTATION_KIND_NAMES } from "@verity/sdk";
import type { ApiEnv } from "../../context.ts";
import { linkProofs } from "../../proof-links.ts";
import { EntityEvent } from "../../schemas/event-id.ts";
import { IdParam, ObjectId } from "../../schemas/ids.ts";
import { BooleanQuery, PageQuery, pageOf, pageOptions, TimeQuery } from "../../schemas/page.ts";
import { badRequest, lookupErrors } from "../../schemas/problem.ts";
import { found } from "./found.ts";

/** A recorded attestation. */
export const Attestation = z
  .object({
    id: z.string(),
    network: z.string(),
    kind: z.string().openapi({
      description: `${ATTESTATION_KIND_NAMES.join(" | ")}, or kind_<n> for a kind this version does not know`,
    }),
    attesterId: z.string().nullable(),
    signed: z.boolean(),
    enclave: z
      .boolean()
      .openapi({ description: "Signed by an enclave attester (its key from a Nitro document)" }),
    publicKey: z.string(),
    signature: z.string(),
    submitter: z.string(),
    inputs: z.array(z.string()),
    inputBlobs: z.array(z.string()).openapi({ description: "Walrus blob ids, URL-safe base64" }),
    inputSha256s: z
      .array(z.string())
      .openapi({ description: "SHA-256 (hex) of each input blob's content, aligned by index" }),
    outputs: z.array(z.string()),
    outputBlobs: z.array(z.string()),
    outputSha256s: z
      .array(z.string())
      .openapi({ description: "SHA-256 (hex) of each output blob's content, aligned by index" }),
    payloadDigest: z.string(),
    timestampMs: z.number().int().openapi({ description: "Signed time of the activity, ms" }),
    recordedMs: z.number().int().openapi({ description: "Chain time when recorded, ms" }),
    event: EntityEvent,
  })
  .openapi("Attestation");

/** A recorded inference. */
export const Inference = z
  .object({
    id: z.string(),
    network: z.string(),
    attestationId: z.string(),
    modelId: z.string(),
    attesterId: z.string(),
    enclave: z.boolean().openapi({ description: "Signed by an enclave attester" }),
    inputBlobId: z.string(),
    inputSha256: z.string(),
    outputBlobId: z.string(),
    outputSha256: z.string(),
    submitter: z.string(),
    timestampMs: z.number().int(),
    event: EntityEvent,
  })
  .openapi("Inference");

const routes = {
  attestation: createRoute({
    method: "get",
    operationId: "getAttestation",
    path: "/attestations/{id}",
    summary: "An attestation",
    request: { params: IdParam },
    responses: {
      200: { description: "It", content: { "application/json": { schema: Attestation } } },
      ...lookupErrors,
    },
  }),
  attestations: createRoute({
    method: "get",
    operationId: "listAttestations",
    path: "/attestations",
    summary: "Attestations, newest first (by signed time)",
    request: {
      query: PageQuery.extend(TimeQuery.shape).extend({
        kind: z.enum(ATTESTATION_KIND_NAMES).optional(),
        attester: ObjectId.optional(),
        signed: BooleanQuery.optional(),
        enclave: BooleanQuery.optional().openapi({ description: "Signed by an enclave attester" }),
        submitter: ObjectId.optional(),
      }),
    },
    responses: {
      200: {
        description: "A page of attestations",
        content: { "application/json": { schema: pageOf(Attestation, "Attestation") } },
      },
      ...badRequest,
    },
  }),
  inference: createRoute({
    method: "get",
    operationId: "getInference",
    path: "/inferences/{id}",
    summary: "An inference",
    request: { params: IdParam },
    responses: {
      200: { description: "It", content: { "application/json": { schema: Inference } } },
      ...lookupErrors,
    },
  }),
  inferences: createRoute({
    method: "get",
    operationId: "listInferences",
    path: "/inferences",
    summary: "Inferences, newest first",
    request: {
      query: PageQuery.extend(TimeQuery.shape).extend({
        model: ObjectId.optional(),
        submitter: ObjectId.optional(),
      }),
    },
    responses: {
      200: {
        description: "A page of inferences",
        content: { "application/json": { schema: pageOf(Inference, "Inference") } },
      },
      ...badRequest,
    },
  }),
};

/** `/v1/attestations[/{id}]` and `/v1/inferences[/{id}]`. */
export const activities = new OpenAPIHono<ApiEnv>()
  .openapi(routes.attestation, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(
      linkProofs(found(await getAttestation(c.var.deps.database.db, id), "attestation", id)),
      200,
    );
  })
  .openapi(routes.attestations, async (c) => {
    const q = c.req.valid("query");
    const filter = {
      kind: q.kind,
      attester: q.attester,
      signed: q.signed,
      enclave: q.enclave,
      submitter: q.submitter,
      fromMs: q.from,
      toMs: q.to,
    };
    return c.json(
      linkProofs(await listAttestations(c.var.deps.database.db, filter, pageOptions(q))),
      200,
    );
  })
  .openapi(routes.inference, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(
      linkProofs(found(await getInference(c.var.deps.database.db, id), "inference", id)),
      200,
    );
  })
  .openapi(routes.inferences, async (c) => {
    const q = c.req.valid("query");
    const filter = { model: q.model, submitter: q.submitter, fromMs: q.from, toMs: q.to };
    return c.json(
      linkProofs(await listInferences(c.var.deps.database.db, filter, pageOptions(q))),
      200,
    );
  });

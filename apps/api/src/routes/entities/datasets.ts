import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getDataset, listDatasets } from "@verity/db";
import type { ApiEnv } from "../../context.ts";
import { linkProofs } from "../../proof-links.ts";
import { EntityEvent } from "../../schemas/event-id.ts";
import { IdParam, ObjectId } from "../../schemas/ids.ts";
import { BooleanQuery, PageQuery, pageOf, pageOptions, TimeQuery } from "../../schemas/page.ts";
import { badRequest, lookupErrors } from "../../schemas/problem.ts";
import { AiTerms } from "../../schemas/terms.ts";
import { found } from "./found.ts";

/** A dataset as lists show it. */
export const Dataset = z
  .object({
    id: z.string(),
    network: z.string(),
    name: z.string(),
    creator: z.string(),
    blobId: z.string().openapi({ description: "Walrus blob id, URL-safe base64" }),
    sha256: z.string(),
    size: z.string().openapi({ description: "Bytes (decimal u64)" }),
    mediaType: z.string(),
    license: z.string(),
    terms: AiTerms.openapi({
      description: "Terms for AI use in force: the latest DatasetTermsSet's, else those registered",
    }),
    policyId: z
      .string()
      .nullable()
      .openapi({ description: "Seal policy in force: latest change, else the registered one" }),
    parents: z.array(z.string()),
    transformId: z.string().nullable(),
    lineageSigned: z.boolean().openapi({
      description:
        "Whether an attester signed the transform it was derived by (false when self-recorded or not derived)",
    }),
    previousId: z.string().nullable(),
    revision: z.number().int(),
    timestampMs: z.number().int(),
    retracted: z.boolean(),
    retraction: z
      .object({ reason: z.string(), timestampMs: z.number().int(), event: EntityEvent })
      .nullable(),
    event: EntityEvent,
  })
  .openapi("Dataset");

const DatasetDetail = Dataset.extend({
  nextId: z.string().nullable().openapi({ description: "The version that replaced this one" }),
  termsChanges: z
    .array(
      z.object({
        terms: AiTerms,
        creator: z.string(),
        timestampMs: z.number().int(),
        event: EntityEvent,
      }),
    )
    .openapi({ description: "Every tightening of its terms (DatasetTermsSet), oldest first" }),
}).openapi("DatasetDetail");

const one = createRoute({
  method: "get",
  operationId: "getDataset",
  path: "/datasets/{id}",
  summary: "A dataset: its registration, current policy and terms, retraction and versions",
  request: { params: IdParam },
  responses: {
    200: { description: "The dataset", content: { "application/json": { schema: DatasetDetail } } },
    ...lookupErrors,
  },
});

const list = createRoute({
  method: "get",
  operationId: "listDatasets",
  path: "/datasets",
  summary: "Datasets, newest first",
  request: {
    query: PageQuery.extend(TimeQuery.shape).extend({
      creator: ObjectId.optional(),
      license: z.string().optional(),
      retracted: BooleanQuery.optional(),
    }),
  },
  responses: {
    200: {
      description: "A page of datasets",
      content: { "application/json": { schema: pageOf(Dataset, "Dataset") } },
    },
    ...badRequest,
  },
});

/** `/v1/datasets` and `/v1/datasets/{id}`. */
export const datasets = new OpenAPIHono<ApiEnv>()
  .openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(
      linkProofs(found(await getDataset(c.var.deps.database.db, id), "dataset", id)),
      200,
    );
  })
  .openapi(list, async (c) => {
    const q = c.req.valid("query");
    const page = await listDatasets(
      c.var.deps.database.db,
      {
        creator: q.creator,
        license: q.license,
        retracted: q.retracted,
        fromMs: q.from,
        toMs: q.to,
      },
      pageOptions(q),
    );
    return c.json(linkProofs(page), 200);
  });

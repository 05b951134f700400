import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getBlob, listBlobObjects } from "@verity/db";
import type { ApiEnv } from "../../context.ts";
import { linkProofs } from "../../proof-links.ts";
import { EntityEvent } from "../../schemas/event-id.ts";
import { BlobId } from "../../schemas/ids.ts";
import { PageQuery, pageOf, pageOptions, TimeQuery } from "../../schemas/page.ts";
import { badRequest, lookupErrors } from "../../schemas/problem.ts";
import { Dataset } from "./datasets.ts";
import { found } from "./found.ts";
import { Model } from "./models.ts";

const epoch = z.number().int().nullable();
const STATUSES = ["registered", "certified", "deleted"] as const;

const WalrusBlobObject = z
  .object({
    network: z.string(),
    objectId: z.string(),
    status: z.enum(STATUSES).openapi({
      description: "Latest lifecycle event seen; expiry is not a status (compare endEpoch)",
    }),
    size: z.string().nullable().openapi({ description: "Unencoded bytes (decimal)" }),
    encodingType: z.number().int().nullable(),
    deletable: z.boolean().nullable(),
    registeredEpoch: epoch,
    certifiedEpoch: epoch,
    deletedEpoch: epoch,
    endEpoch: epoch.openapi({ description: "First epoch it is no longer stored (exclusive)" }),
    registered: EntityEvent.nullable(),
    certified: EntityEvent.nullable(),
    deleted: EntityEvent.nullable(),
  })
  .openapi("WalrusBlobObject");

const Blob = z
  .object({
    blobId: z.string().openapi({ description: "URL-safe base64, as Walrus prints it" }),
    objects: z.array(WalrusBlobObject),
    datasets: z.array(Dataset),
    models: z.array(Model),
  })
  .openapi("Blob");

const ListedBlobObject = WalrusBlobObject.extend({
  blobId: z.string().openapi({ description: "URL-safe base64, as Walrus prints it" }),
  timestampMs: z.number().int().openapi({
    description:
      "Chain time of the object's first indexed event (its registration, if indexed), ms",
  }),
}).openapi("ListedWalrusBlobObject");

const list = createRoute({
  method: "get",
  operationId: "listBlobObjects",
  path: "/blobs",
  summary: "Walrus Blob objects with their status, newest first (by when first seen)",
  request: {
    query: PageQuery.extend(TimeQuery.shape).extend({
      status: z
        .enum(STATUSES)
        .optional()
        .openapi({ description: "Only Blob objects in this status" }),
    }),
  },
  responses: {
    200: {
      description: "A page of Blob objects",
      content: { "application/json": { schema: pageOf(ListedBlobObject, "WalrusBlobObject") } },
    },
    ...badRequest,
  },
});

const one = createRoute({
  method: "get",
  operationId: "getBlob",
  path: "/blobs/{blobId}",
  summary: "A Walrus blob: its Blob objects' status and the datasets and models stored as it",
  request: {
    params: z.object({ blobId: BlobId.openapi({ param: { name: "blobId", in: "path" } }) }),
  },
  responses: {
    200: { description: "The blob", content: { "application/json": { schema: Blob } } },
    ...lookupErrors,
  },
});

/** `/v1/blobs` (Blob objects, newest first) and `/v1/blobs/{blobId}` (base64url or decimal u256). */
export const blobs = new OpenAPIHono<ApiEnv>()
  .openapi(one, async (c) => {
    const { blobId } = c.req.valid("param");
    return c.json(
      linkProofs(found(await getBlob(c.var.deps.database.db, blobId), "blob", blobId)),
      200,
    );
  })
  .openapi(list, async (c) => {
    const q = c.req.valid("query");
    const filter = { status: q.status, fromMs: q.from, toMs: q.to };
    return c.json(
      linkProofs(await listBlobObjects(c.var.deps.database.db, filter, pageOptions(q))),
      200,
    );
  });

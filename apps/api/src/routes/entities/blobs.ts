import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getBlob } from "@verity/db";
import type { ApiEnv } from "../../context.ts";
import { BlobId } from "../../schemas/ids.ts";
import { lookupErrors } from "../../schemas/problem.ts";
import { EntityProof } from "../../schemas/proof.ts";
import { Dataset } from "./datasets.ts";
import { found } from "./found.ts";
import { Model } from "./models.ts";

const epoch = z.number().int().nullable();

const WalrusBlobObject = z
  .object({
    network: z.string(),
    objectId: z.string(),
    status: z.enum(["registered", "certified", "deleted"]),
    size: z.string().nullable().openapi({ description: "Unencoded bytes (decimal)" }),
    encodingType: z.number().int().nullable(),
    deletable: z.boolean().nullable(),
    registeredEpoch: epoch,
    certifiedEpoch: epoch,
    deletedEpoch: epoch,
    endEpoch: epoch.openapi({ description: "First epoch it is no longer stored (exclusive)" }),
    registered: EntityProof.nullable(),
    certified: EntityProof.nullable(),
    deleted: EntityProof.nullable(),
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

const route = createRoute({
  method: "get",
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

/** `/v1/blobs/{blobId}` (base64url or decimal u256). */
export const blobs = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const { blobId } = c.req.valid("param");
  return c.json(found(await getBlob(c.var.deps.database.db, blobId), "blob", blobId), 200);
});

import { createHash } from "node:crypto";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { entitiesByContent, verifyAttestation } from "@verity/db";
import { walrusBlobIdOf } from "@verity/sdk/walrus";
import type { ApiEnv } from "../context.ts";
import { DEFAULT_BLOB_BYTES, readCapped } from "../middleware/body-limit.ts";
import { ProblemError } from "../problem.ts";
import { linkProofs } from "../proof-links.ts";
import { EventId } from "../schemas/event-id.ts";
import { badRequest, problemAnswer, rateLimited } from "../schemas/problem.ts";

const blobRoute = createRoute({
  method: "post",
  operationId: "verifyBlob",
  path: "/blob",
  summary: "Identify raw bytes: their Walrus blob id, SHA-256, and what is registered under them",
  request: {
    body: {
      required: true,
      content: {
        "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
      },
    },
  },
  responses: {
    200: {
      description: "The content's identity and the datasets and models registered under it",
      content: {
        "application/json": {
          schema: z
            .object({
              blobId: z.string().openapi({ description: "Walrus blob id, URL-safe base64" }),
              blobIdU256: z.string().openapi({ description: "The same id as a decimal u256" }),
              sha256: z.string().openapi({ description: "lowercase hex" }),
              size: z.number().int().openapi({ description: "bytes" }),
              matches: z.array(
                z.object({
                  kind: z.enum(["dataset", "model"]),
                  id: z.string(),
                  name: z.string(),
                  event: EventId,
                }),
              ),
            })
            .openapi("BlobVerification"),
        },
      },
    },
    413: problemAnswer("Body larger than the upload cap (32 MiB by default)"),
    415: problemAnswer("Body not sent as application/octet-stream"),
    ...rateLimited,
  },
});

const AttestationId = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "an object id: 0x and 64 hex digits")
  .transform((id) => id.toLowerCase());

const attestationRoute = createRoute({
  method: "post",
  operationId: "verifyAttestation",
  path: "/attestation",
  summary:
    "Re-check a recorded attestation's signature (over its attester and every blob's SHA-256) against the attester's key at the time",
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ attestationId: AttestationId }) } },
    },
  },
  responses: {
    200: {
      description:
        "Each check with its outcome; `valid` when the attestation is signed and every check passed",
      content: {
        "application/json": {
          schema: z
            .object({
              attestationId: z.string(),
              signed: z.boolean(),
              attesterKind: z.enum(["enclave", "key"]).nullable().openapi({
                description:
                  "The signing attester: an enclave (key from a Nitro attestation document matching an EnclaveConfig) or a plain key; null when unsigned",
              }),
              enclaveConfigId: z
                .string()
                .nullable()
                .openapi({ description: "The enclave attester's EnclaveConfig, else null" }),
              valid: z.boolean(),
              checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
            })
            .openapi("AttestationVerification"),
        },
      },
    },
    ...badRequest,
    404: problemAnswer("No attestation with this id is indexed"),
    413: problemAnswer("Body larger than the JSON cap (64 KiB by default)"),
    415: problemAnswer("Body not sent as application/json"),
  },
});

/** `/v1/verify/*`: checks that need no trust in us; they store nothing. */
export const verify = new OpenAPIHono<ApiEnv>()
  .openapi(blobRoute, async (c) => {
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/octet-stream") {
      throw new ProblemError(
        415,
        "unsupported-media-type",
        `send the bytes as application/octet-stream, not ${type || "no content type"}`,
      );
    }
    const sha = createHash("sha256");
    const { bytes, size } = await readCapped(
      c.req.raw,
      c.var.deps.limits?.blobBytes ?? DEFAULT_BLOB_BYTES,
      (chunk) => sha.update(chunk),
    );
    const sha256 = sha.digest("hex");
    const { blobId, u256 } = walrusBlobIdOf(bytes);
    const matches = await entitiesByContent(c.var.deps.database.db, blobId, sha256);
    return c.json(linkProofs({ blobId, blobIdU256: u256.toString(), sha256, size, matches }), 200);
  })
  .openapi(attestationRoute, async (c) => {
    const { attestationId } = c.req.valid("json");
    const verdict = await verifyAttestation(c.var.deps.database.db, attestationId);
    if (!verdict) {
      throw new ProblemError(404, "not-found", `no attestation ${attestationId} is indexed`);
    }
    return c.json(verdict, 200);
  });

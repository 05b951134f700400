import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { proofBundleToJson, TransactionEvents } from "@verity/checkpoints";
import { proofParts } from "@verity/db";
import type { ApiEnv } from "../context.ts";
import { ProblemError } from "../problem.ts";
import { lookupErrors } from "../schemas/problem.ts";
import { ProofBundle } from "../schemas/proof.ts";

const EventParams = z.object({
  txDigest: z
    .string()
    .regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/, "a base58 transaction digest")
    .openapi({
      param: { name: "txDigest", in: "path" },
      example: "BeccLW98DzJYNxEkmadVgMCLP3kHYxcxTVneDHaKeBiY",
    }),
  eventIndex: z.coerce
    .number()
    .int()
    .nonnegative()
    .openapi({ param: { name: "eventIndex", in: "path" }, example: 0 }),
});

const proofRoute = createRoute({
  method: "get",
  operationId: "getProof",
  path: "/{txDigest}/{eventIndex}",
  summary:
    "A self-contained proof that the event was emitted on Sui: the certified checkpoint and the BCS down to the event",
  description:
    "Check it without trusting this server: `verity verify proof`, or `verifyProofBundle` of @verity/checkpoints, with a committee you trust for its epoch.",
  request: { params: EventParams },
  responses: {
    200: {
      description: "The proof bundle",
      content: { "application/json": { schema: ProofBundle } },
    },
    ...lookupErrors,
  },
});

/** `/v1/proofs/*`: proof bundles of indexed events. */
export const proofs = new OpenAPIHono<ApiEnv>().openapi(proofRoute, async (c) => {
  const { txDigest, eventIndex } = c.req.valid("param");
  const { database, network } = c.var.deps;
  const parts = (await proofParts(database.db, [txDigest], network)).get(txDigest);
  if (!parts) {
    throw new ProblemError(404, "not-found", `no proof is kept for transaction ${txDigest}`);
  }
  const emitted = TransactionEvents.parse(parts.events).data.length;
  if (eventIndex >= emitted) {
    throw new ProblemError(
      404,
      "not-found",
      `transaction ${txDigest} emitted ${emitted} events, none at index ${eventIndex}`,
    );
  }
  return c.json(proofBundleToJson({ ...parts, eventIndex }, parts), 200);
});

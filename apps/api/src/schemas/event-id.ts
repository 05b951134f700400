import { z } from "@hono/zod-openapi";

const fields = {
  checkpoint: z.number().int().openapi({ description: "Checkpoint sequence number" }),
  txDigest: z.string().openapi({ description: "Transaction digest (base58)" }),
  eventIndex: z.number().int().openapi({ description: "Index of the event in its transaction" }),
  proof: z.string().openapi({
    description:
      "Path of the event's proof bundle, checkable without trusting this server: /v1/proofs/{txDigest}/{eventIndex}",
    example: "/v1/proofs/BeccLW98DzJYNxEkmadVgMCLP3kHYxcxTVneDHaKeBiY/0",
  }),
};

/**
 * Where on chain a fact was emitted: the event's checkpoint, transaction and index, and the
 * path of its proof bundle.
 */
export const EventId = z.object(fields).openapi("EventId");

/** Where on chain a fact was emitted, the path of its proof bundle, and the object it concerns. */
export const EntityEvent = z
  .object({
    ...fields,
    objectId: z.string().openapi({ description: "The object the event concerns" }),
  })
  .openapi("EntityEvent");

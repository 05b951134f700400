import { z } from "@hono/zod-openapi";

/** Where on chain a fact was emitted: the event's checkpoint, transaction and index. */
export const ProofHandle = z
  .object({
    checkpoint: z.number().int().openapi({ description: "Checkpoint sequence number" }),
    txDigest: z.string().openapi({ description: "Transaction digest (base58)" }),
    eventIndex: z.number().int().openapi({ description: "Index of the event in its transaction" }),
  })
  .openapi("ProofHandle");

/** Where on chain a fact was emitted, and the object it concerns. */
export const EntityProof = z
  .object({
    checkpoint: z.number().int().openapi({ description: "Checkpoint sequence number" }),
    txDigest: z.string().openapi({ description: "Base58 transaction digest" }),
    eventIndex: z.number().int().openapi({ description: "Index among the transaction's events" }),
    objectId: z.string().openapi({ description: "The object the event concerns" }),
  })
  .openapi("EntityProof");

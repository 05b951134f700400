/** Identifiers in paths and queries: object ids / addresses and Walrus blob ids. */
import { z } from "@hono/zod-openapi";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { normalizeBlobId } from "@verity/sdk/walrus";

/** An object id or address: 0x + 1..64 hex digits, normalized to 0x + 64 lowercase hex. */
export const ObjectId = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,64}$/, "expected 0x followed by 1 to 64 hex digits")
  .transform((id) => normalizeSuiAddress(id.toLowerCase()))
  .openapi({ example: `0x${"ab".repeat(32)}` });

/** A path parameter `{id}` holding an object id. */
export const IdParam = z.object({
  id: ObjectId.openapi({ param: { name: "id", in: "path" } }),
});

/**
 * A Walrus blob id, as Walrus prints it (URL-safe base64 of the 32-byte little-endian u256,
 * 43 characters) or as a decimal u256; always answered in base64url.
 */
export const BlobId = z
  .string()
  .transform((text, ctx) => {
    const blobId = normalizeBlobId(text);
    if (blobId !== undefined) return blobId;
    ctx.addIssue({
      code: "custom",
      message: "expected a Walrus blob id: 43 URL-safe base64 characters or a decimal u256",
    });
    return z.NEVER;
  })
  .openapi({ example: "M6JWNNeK0dU-2mtIxa-gW_Bbm-DA3Tx9gq7F9vLN3jg" });

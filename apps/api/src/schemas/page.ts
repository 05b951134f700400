/** Query parameters and the answer shape shared by every list endpoint. */
import { z } from "@hono/zod-openapi";
import { decodeCursor, InvalidCursorError, MAX_PAGE_LIMIT } from "@verity/db";

/** `limit` (1..100, default 20) and the opaque `cursor` of a previous page's `nextCursor`. */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_LIMIT)
    .default(20)
    .openapi({ description: `Rows per page, 1..${MAX_PAGE_LIMIT}` }),
  cursor: z
    .string()
    .optional()
    .transform((cursor, ctx) => {
      if (cursor === undefined) return undefined;
      try {
        return decodeCursor(cursor);
      } catch (error) {
        if (!(error instanceof InvalidCursorError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    })
    .openapi({ description: "The `nextCursor` of the previous page", type: "string" }),
});

/** `from` (inclusive) and `to` (exclusive) on `timestampMs`, ms since the Unix epoch. */
export const TimeQuery = z.object({
  from: z.coerce.number().int().min(0).optional().openapi({ description: "ms, inclusive" }),
  to: z.coerce.number().int().min(0).optional().openapi({ description: "ms, exclusive" }),
});

/** A `true` / `false` query parameter. */
export const BooleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

/** A page of `item`s and the cursor of the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(`${name}Page`);

/** The db's paging options from a validated `PageQuery`. */
export const pageOptions = (q: { limit: number; cursor?: { timestampMs: number; id: string } }) =>
  q.cursor ? { limit: q.limit, after: q.cursor } : { limit: q.limit };

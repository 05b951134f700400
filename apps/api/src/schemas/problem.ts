/** The problem+json error answers routes declare in the OpenAPI document. */
import { z } from "@hono/zod-openapi";

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
  })
  .openapi("Problem");

const answer = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

/** 400 (malformed request) for routes without a lookup. */
export const badRequest = { 400: answer("Malformed parameters") } as const;

/** 400 (malformed request) and 404 (nothing known under that id). */
export const lookupErrors = {
  400: answer("Malformed parameters"),
  404: answer("Nothing is known under that id"),
} as const;

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

/** A response whose body is a `Problem` (RFC 9457, `application/problem+json`). */
export const problemAnswer = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

/**
 * 429, which every route may answer: the per-client rate limit (`middleware/rate-limit.ts`)
 * refused the request.
 */
export const rateLimited = {
  429: problemAnswer("Too many requests from this client: retry after `Retry-After` seconds"),
} as const;

/** 400 (malformed request) and 429, for routes without a lookup. */
export const badRequest = { 400: problemAnswer("Malformed parameters"), ...rateLimited } as const;

/** 400 (malformed request), 404 (nothing known under that id) and 429. */
export const lookupErrors = {
  ...badRequest,
  404: problemAnswer("Nothing is known under that id"),
} as const;

import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import type { ApiEnv } from "../context.ts";
import { perDeps } from "./per-deps.ts";

const corsOf = perDeps((deps) =>
  deps.cors && deps.cors.length > 0
    ? honoCors({
        origin: deps.cors.includes("*") ? "*" : deps.cors,
        allowMethods: ["GET", "POST", "OPTIONS"],
        exposeHeaders: ["Retry-After"],
        maxAge: 600,
      })
    : null,
);

/**
 * CORS for the origins in `deps.cors` (answers preflights; `["*"]` allows any origin). With no
 * origins configured, no CORS headers are sent, so browsers on other origins are refused.
 */
export const cors: MiddlewareHandler<ApiEnv> = (c, next) => {
  const handler = corsOf(c.var.deps);
  return handler ? handler(c, next) : next();
};

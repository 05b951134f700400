/**
 * Errors as RFC 9457 problem details (`application/problem+json`): a type URI, a short title,
 * the HTTP status and a precise `detail`. Never a stack trace.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The body of an error response. */
export interface Problem {
  /** A URI naming the kind of problem, e.g. `https://verity.dev/problems/not-found`. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path. */
  instance?: string;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/**
 * An error a handler throws to answer with a problem: `new ProblemError(404, "not-found",
 * "no dataset 0x…")`.
 */
export class ProblemError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly kind: string,
    detail: string,
  ) {
    super(status, { message: detail });
  }
}

/** The problem+json response for `status`. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  kind: string,
  detail: string,
): Response {
  const body: Problem = {
    type: `https://verity.dev/problems/${kind}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    instance: c.req.path,
  };
  return c.body(JSON.stringify(body), status, { "content-type": "application/problem+json" });
}

/**
 * The app's `onError`: a `ProblemError` or Hono `HTTPException` becomes its problem; anything
 * else is logged and answered 500 without details.
 */
export function onError(error: Error, c: Context): Response {
  if (error instanceof ProblemError) return problem(c, error.status, error.kind, error.message);
  if (error instanceof HTTPException) {
    return problem(c, error.status, "http", error.message || TITLES[error.status] || "error");
  }
  console.error(error);
  return problem(c, 500, "internal", "the server failed to answer; the error was logged");
}

/** A per-client rate limit: one token bucket per client IP. */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { ApiEnv } from "../context.ts";
import { problem } from "../problem.ts";
import { perDeps } from "./per-deps.ts";

/** Default refill rate (tokens per second) and bucket size. */
export const DEFAULT_RATE_LIMIT = { perSecond: 100, burst: 200 } as const;

/** Buckets kept before idle, full ones are dropped. */
const MAX_BUCKETS = 10_000;

/**
 * Token buckets keyed by client: each holds up to `burst` tokens and regains `perSecond` per
 * second; `take` spends one.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(
    readonly perSecond: number,
    readonly burst: number,
  ) {}

  /**
   * Spends one of `client`'s tokens.
   *
   * @returns 0 when allowed, otherwise the seconds until a token is back (at least 1)
   */
  take(client: string, nowMs = Date.now()): number {
    const bucket = this.#buckets.get(client) ?? { tokens: this.burst, atMs: nowMs };
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((nowMs - bucket.atMs) / 1000) * this.perSecond,
    );
    bucket.atMs = nowMs;
    if (!this.#buckets.has(client)) {
      if (this.#buckets.size >= MAX_BUCKETS) this.#prune(nowMs);
      this.#buckets.set(client, bucket);
    }
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
    bucket.tokens -= 1;
    return 0;
  }

  /** Forgets buckets that would be full by now (they behave exactly like new ones). */
  #prune(nowMs: number) {
    for (const [client, b] of this.#buckets) {
      if (b.tokens + ((nowMs - b.atMs) / 1000) * this.perSecond >= this.burst) {
        this.#buckets.delete(client);
      }
    }
  }
}

const bucketsOf = perDeps((deps) => {
  if (deps.rateLimit === false) return null;
  const { perSecond, burst } = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  return new TokenBuckets(perSecond, burst);
});

/** The client's IP address, from the socket (`unknown` outside the Node server). */
function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Answers 429 (`rate-limited`, with Retry-After in seconds) once a client's bucket is empty. */
export const rateLimit: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const buckets = bucketsOf(c.var.deps);
  const wait = buckets?.take(clientOf(c)) ?? 0;
  if (wait === 0) return next();
  c.header("retry-after", String(wait));
  return problem(
    c,
    429,
    "rate-limited",
    `more than ${buckets!.perSecond} requests per second (burst ${buckets!.burst}); retry in ${wait} s`,
  );
};

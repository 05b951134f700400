/**
 * When and how long the gRPC source waits before trying again: which failures are transient,
 * and exponential backoff with jitter between attempts.
 */
import { setTimeout as delay } from "node:timers/promises";
import { RpcError } from "@mysten/sui/grpc";

/** Exponential backoff settings, all in milliseconds except `factor`. */
export interface BackoffOptions {
  /** Wait ceiling before the first retry (default 250 ms). */
  initialMs: number;
  /** Largest wait ceiling, reached after repeated failures (default 10 000 ms). */
  maxMs: number;
  /** How much the ceiling grows per consecutive failure (default 2). */
  factor: number;
}

/** The defaults: 250 ms, doubling, up to 10 s. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 10_000, factor: 2 };

/**
 * Consecutive-failure counter that hands out waits. The n-th wait (from 0) has ceiling
 * `min(maxMs, initialMs * factor^n)` and is drawn uniformly from [ceiling / 2, ceiling], so
 * clients that failed together do not retry together. `reset()` after progress.
 */
export class Backoff {
  #failures = 0;

  constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

  /** The next wait in ms; counts one more failure. */
  next(): number {
    const { initialMs, maxMs, factor } = this.options;
    const ceiling = Math.min(maxMs, initialMs * factor ** this.#failures);
    this.#failures += 1;
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  /** Consecutive failures counted so far (by `next()`). */
  get failures(): number {
    return this.#failures;
  }

  /** Forgets past failures: the next wait starts from `initialMs` again. */
  reset(): void {
    this.#failures = 0;
  }
}

/** Waits `ms` milliseconds, or less when `signal` aborts; never rejects. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}

/**
 * gRPC codes worth retrying: the node or the path to it failed (`UNAVAILABLE`, a dropped
 * connection or truncated body, which the transport reports as `INTERNAL` / `DATA_LOSS` /
 * `UNKNOWN`), was too slow (`DEADLINE_EXCEEDED`, `CANCELLED` by our own timeout), is shedding
 * load (`RESOURCE_EXHAUSTED`, `ABORTED`), or is a replica that has not seen a checkpoint yet
 * (`NOT_FOUND`; a checkpoint pruned for good is caught by the source's availability check).
 */
const TRANSIENT_CODES = new Set([
  "UNAVAILABLE",
  "INTERNAL",
  "DATA_LOSS",
  "UNKNOWN",
  "DEADLINE_EXCEEDED",
  "CANCELLED",
  "RESOURCE_EXHAUSTED",
  "ABORTED",
  "NOT_FOUND",
]);

/**
 * Whether trying again may succeed: true for an `RpcError` with a code listed above; false
 * for any other code (`INVALID_ARGUMENT`, `PERMISSION_DENIED`, `UNIMPLEMENTED`, ...) and any
 * other error (a malformed checkpoint, a bug).
 */
export function isTransient(error: unknown): boolean {
  return error instanceof RpcError && TRANSIENT_CODES.has(error.code);
}

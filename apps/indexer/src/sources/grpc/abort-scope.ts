/** Abort scopes: cancellation that nests (a call inside a range inside a stream) and times out. */
import { setMaxListeners } from "node:events";

/** A cancellable scope: aborted by its parent, its timeout, {@link abort}, or {@link close}. */
export interface AbortScope {
  /** Aborts when the scope does; hand it to the work that runs inside the scope. */
  readonly signal: AbortSignal;
  /** Aborts the scope with `reason` (e.g. {@link timeoutError}). */
  abort(reason: unknown): void;
  /**
   * Ends the scope: cancels whatever still runs in it, stops its timer and detaches it from the
   * parent (so long-lived parents do not collect listeners). Always call it, in a `finally`.
   */
  close(): void;
}

/**
 * Opens a scope under `parent` (aborted with the parent's reason), aborting by itself with a
 * {@link timeoutError} after `timeoutMs` when given.
 */
export function abortScope(parent?: AbortSignal, timeoutMs?: number): AbortScope {
  const controller = new AbortController();
  // children detach on close, so a scope's listeners are bounded by the work running in it
  // (e.g. `concurrency` calls), which may exceed Node's default warning threshold of 10
  setMaxListeners(0, controller.signal);
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener("abort", onParentAbort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(timeoutError(timeoutMs)), timeoutMs);
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    close() {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onParentAbort);
      controller.abort();
    },
  };
}

/**
 * The abort reason for "took longer than `ms`": a `TimeoutError` DOMException, which the Sui
 * gRPC transport reports as `DEADLINE_EXCEEDED`.
 */
export function timeoutError(ms: number): DOMException {
  return new DOMException(`no answer within ${ms} ms`, "TimeoutError");
}

import { setMaxListeners } from "node:events";

/** Options of `orderedPrefetch`. */
export interface OrderedPrefetchOptions {
  /** Fetches in flight at once, the one the consumer waits for included (>= 1). */
  concurrency: number;
  /** Aborting it ends the generator (without an error) and aborts the fetches in flight. */
  signal?: AbortSignal;
}

const ABORTED = Symbol("aborted");

/**
 * Runs `fetch(key, signal)` for each key in order, up to `concurrency` ahead of the consumer,
 * and yields the results in key order: at most `concurrency` results are held at any time, so
 * memory stays bounded when the consumer is slower than the fetches. A failed fetch is thrown
 * when its turn comes (after every earlier result was yielded). Ending early (the consumer's
 * `break`, an error, or `options.signal`) aborts the `signal` given to the fetches in flight;
 * their outcomes are then ignored.
 *
 * @param keys iterated lazily, one key per fetch started (may be infinite)
 */
export async function* orderedPrefetch<K, T>(
  keys: Iterable<K>,
  fetch: (key: K, signal: AbortSignal) => Promise<T>,
  options: OrderedPrefetchOptions,
): AsyncGenerator<T, void, undefined> {
  if (!(options.concurrency >= 1)) throw new RangeError("concurrency must be at least 1");
  const outer = options.signal;
  if (outer?.aborted) return;
  const inFlight = new AbortController();
  // Up to `concurrency` fetches share the signal, each listening to it a few times (a timer,
  // a request): lift Node's leak warning (at 10 listeners) accordingly.
  setMaxListeners(Math.max(10, 4 * options.concurrency), inFlight.signal);
  const abort = () => inFlight.abort(outer?.reason);
  outer?.addEventListener("abort", abort, { once: true });
  const pending = keys[Symbol.iterator]();
  const queue: Promise<T>[] = [];
  const fill = () => {
    while (queue.length < options.concurrency) {
      const next = pending.next();
      if (next.done) return;
      const result = fetch(next.value, inFlight.signal);
      result.catch(() => {}); // observed when its turn comes, or ignored after an abort
      queue.push(result);
    }
  };
  try {
    for (;;) {
      fill();
      const head = queue.shift();
      if (!head) return;
      let result: T | typeof ABORTED;
      try {
        result = await unlessAborted(head, inFlight.signal);
      } catch (error) {
        if (outer?.aborted) return;
        throw error;
      }
      if (result === ABORTED) return;
      yield result;
    }
  } finally {
    outer?.removeEventListener("abort", abort);
    inFlight.abort();
  }
}

/** `promise`'s outcome, or ABORTED as soon as `signal` aborts (for fetches that ignore it). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

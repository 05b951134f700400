/** Bounded fetch-ahead with in-order delivery. */

/**
 * Calls `fetch(n)` for every n in `first..last` (inclusive), with at most `concurrency` calls in
 * flight, and yields the results in order of n: result n is yielded as soon as it and all before
 * it are in, while later ones keep loading. Memory is bounded by `concurrency` results.
 *
 * A rejected fetch is thrown when its turn comes. Fetches still running then (or when the
 * consumer stops early) are not awaited: cancel them through the signal given to `fetch`.
 *
 * @param concurrency at least 1
 */
export async function* fetchInOrder<T>(
  first: bigint,
  last: bigint,
  concurrency: number,
  fetch: (n: bigint) => Promise<T>,
): AsyncGenerator<T> {
  const window: Promise<T>[] = [];
  let requested = first;
  const fill = () => {
    while (window.length < Math.max(1, concurrency) && requested <= last) {
      const pending = fetch(requested);
      pending.catch(() => undefined); // a rejection is rethrown in turn, or dropped with the rest
      window.push(pending);
      requested += 1n;
    }
  };
  fill();
  for (let pending = window.shift(); pending; pending = window.shift()) {
    const result = await pending;
    fill();
    yield result;
  }
}

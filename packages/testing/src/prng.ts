/**
 * mulberry32, a small seeded pseudo-random number generator, so that tests and benchmarks draw
 * the same graphs on every run (test tooling, not for anything secret).
 *
 * @returns a function giving the next number in [0, 1) on each call
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `list` in an order drawn from `seed` (Fisher-Yates over `prng(seed)`); `list` is left as it is. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  const random = prng(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

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

/**
 * Strings numbered 0, 1, 2, ... in order of first sight, each kept once: so that millions of
 * edges naming the same node ids, kinds and tx digests hold 4-byte numbers instead of strings.
 */
export class Interner {
  readonly #texts: string[] = [];
  readonly #numbers = new Map<string, number>();

  /** How many strings are numbered. */
  get size(): number {
    return this.#texts.length;
  }

  /** The number of `text`, numbering it when new. */
  number(text: string): number {
    let n = this.#numbers.get(text);
    if (n === undefined) {
      n = this.#texts.length;
      this.#texts.push(text);
      this.#numbers.set(text, n);
    }
    return n;
  }

  /** The number of `text`, or undefined when it was never numbered. */
  find(text: string): number | undefined {
    return this.#numbers.get(text);
  }

  /** The string numbered `n` (a number this interner gave). */
  text(n: number): string {
    return this.#texts[n] as string;
  }
}

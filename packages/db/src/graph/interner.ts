/**
 * Strings numbered 0, 1, 2, ... in order of first sight, each kept once as UTF-8 bytes in one
 * buffer and found through an open-addressing hash table of 32-bit slots: so that millions of
 * edges naming the same node ids and tx digests hold 4-byte numbers, and the ids themselves are
 * a few large buffers rather than millions of strings on the JavaScript heap, which would slow
 * every young-generation garbage collection of the process (README, Lineage in memory).
 */

import { grown } from "./grown.ts";

/** Empty slot of the hash table (slots hold number + 1). */
const EMPTY = 0;

export class Interner {
  /** The strings' UTF-8 bytes, back to back; string n is `#bytes[#starts[n] .. #starts[n + 1]]`. */
  #bytes: Buffer = Buffer.allocUnsafe(1 << 16);
  #starts = new Int32Array(1024);
  #hashes = new Int32Array(1024);
  /** Open addressing, linear probing; length a power of two, at most half full. */
  #slots = new Int32Array(2048);
  #count = 0;
  /** The string being looked up, encoded. */
  #scratch: Buffer = Buffer.allocUnsafe(256);

  /** How many strings are numbered. */
  get size(): number {
    return this.#count;
  }

  /**
   * The number of `text`, numbering it when new.
   *
   * @throws RangeError past 2 GiB of strings (Int32 offsets)
   */
  number(text: string): number {
    const length = this.#encode(text);
    const hash = hashOf(this.#scratch, length);
    const slot = this.#slotOf(hash, length);
    const held = this.#slots[slot] as number;
    if (held !== EMPTY) return held - 1;
    return this.#append(slot, hash, length);
  }

  /** The number of `text`, or undefined when it was never numbered. */
  find(text: string): number | undefined {
    const length = this.#encode(text);
    const held = this.#slots[this.#slotOf(hashOf(this.#scratch, length), length)] as number;
    return held === EMPTY ? undefined : held - 1;
  }

  /** The string numbered `n` (a number this interner gave). */
  text(n: number): string {
    return this.#bytes.toString("utf8", this.#starts[n], this.#starts[n + 1]);
  }

  /** The order of the strings numbered `a` and `b` by code point (their UTF-8 bytes' order). */
  compare(a: number, b: number): number {
    const bytes = this.#bytes;
    let i = this.#starts[a] as number;
    let j = this.#starts[b] as number;
    const iEnd = this.#starts[a + 1] as number;
    const jEnd = this.#starts[b + 1] as number;
    for (; i < iEnd && j < jEnd; i++, j++) {
      const d = (bytes[i] as number) - (bytes[j] as number);
      if (d !== 0) return d;
    }
    return iEnd - i - (jEnd - j);
  }

  /**
   * Writes `text` as UTF-8 into the scratch buffer; returns its byte length. ASCII (every id and
   * digest) is copied here, which for these short strings is faster than a call into `Buffer`.
   */
  #encode(text: string): number {
    if (text.length * 3 > this.#scratch.length) this.#scratch = Buffer.allocUnsafe(text.length * 3);
    const scratch = this.#scratch;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) return scratch.write(text, 0, "utf8");
      scratch[i] = c;
    }
    return text.length;
  }

  /** The slot holding the scratch string (`length` bytes, `hash`), or the empty slot for it. */
  #slotOf(hash: number, length: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.#slots[slot] as number;
      if (held === EMPTY || (this.#hashes[held - 1] === hash && this.#holds(held - 1, length))) {
        return slot;
      }
    }
  }

  /** Whether string `n` is the scratch string (`length` bytes). */
  #holds(n: number, length: number): boolean {
    const start = this.#starts[n] as number;
    if ((this.#starts[n + 1] as number) - start !== length) return false;
    const bytes = this.#bytes;
    const scratch = this.#scratch;
    for (let i = 0; i < length; i++) if (bytes[start + i] !== scratch[i]) return false;
    return true;
  }

  #append(slot: number, hash: number, length: number): number {
    const n = this.#count;
    const start = this.#starts[n] as number;
    if (start + length > 0x7fffffff) throw new RangeError("more than 2 GiB of interned strings");
    while (start + length > this.#bytes.length) this.#bytes = grownBuffer(this.#bytes);
    if (n + 2 > this.#starts.length) {
      this.#starts = grown(this.#starts);
      this.#hashes = grown(this.#hashes);
    }
    this.#scratch.copy(this.#bytes, start, 0, length);
    this.#starts[n + 1] = start + length;
    this.#hashes[n] = hash;
    this.#slots[slot] = n + 1;
    this.#count = n + 1;
    if (this.#count * 2 > this.#slots.length) this.#rehash();
    return n;
  }

  /** Doubles the hash table and places every string again (from its stored hash). */
  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let n = 0; n < this.#count; n++) {
      let slot = (this.#hashes[n] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = n + 1;
    }
    this.#slots = slots;
  }
}

/** FNV-1a over `bytes[0 .. length)`, as a 32-bit integer. */
function hashOf(bytes: Buffer, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash;
}

function grownBuffer(bytes: Buffer): Buffer {
  const bigger = Buffer.allocUnsafe(Math.min(bytes.length * 2, 0x7fffffff));
  bytes.copy(bigger);
  return bigger;
}

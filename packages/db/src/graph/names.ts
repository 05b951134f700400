import type { EdgeKind, NodeKind } from "@verity/sdk";
import { Interner } from "./interner.ts";

/** Most distinct kinds of one sort a graph in memory holds (they are stored in 16 bits). */
const MAX_KINDS = 0x10000;

/**
 * Kinds of one sort (edge kinds, node kinds or subkinds: a few dozen strings), numbered 0, 1, 2,
 * ... in order of first sight through a `Map`, read back for every edge and node returned.
 */
export class Kinds<K extends string> {
  readonly #codes = new Map<K, number>();
  readonly #texts: K[] = [];

  /**
   * The number of `kind`, below 65,536, numbering it when new.
   *
   * @throws RangeError past 65,536 distinct kinds (the vocabulary has about twenty)
   */
  number(kind: K): number {
    const known = this.#codes.get(kind);
    if (known !== undefined) return known;
    const code = this.#texts.length;
    if (code >= MAX_KINDS) throw new RangeError(`more than 65,536 kinds (at "${kind}")`);
    this.#texts.push(kind);
    this.#codes.set(kind, code);
    return code;
  }

  /** The kind numbered `code` (a number `number` gave). */
  text(code: number): K {
    return this.#texts[code] as K;
  }
}

/**
 * The strings a graph in memory numbers, shared by its edges (`EdgeGraph`) and its nodes' facts
 * (`NodeTable`), so each id, kind and tx digest is held once however many rows name it.
 */
export class GraphNames {
  /** Node ids (object ids, addresses, Walrus blob ids), numbered in order of first sight. */
  readonly ids = new Interner();
  /** Transaction digests (one per transaction, shared by its edges and nodes). */
  readonly digests = new Interner();
  readonly edgeKinds = new Kinds<EdgeKind>();
  readonly nodeKinds = new Kinds<NodeKind>();
  /** Attestation kinds and policy kinds. */
  readonly subkinds = new Kinds<string>();
}

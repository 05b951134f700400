import { Interner } from "./interner.ts";

/** Most distinct edge, node and sub- kinds a graph in memory holds (they are stored in 16 bits). */
const MAX_KINDS = 0x10000;

/**
 * The strings a graph in memory numbers, shared by its edges (`EdgeGraph`) and its nodes' facts
 * (`NodeTable`), so each id, kind and tx digest is held once however many rows name it.
 */
export class GraphNames {
  /** Node ids (object ids, addresses, Walrus blob ids), numbered in order of first sight. */
  readonly ids = new Interner();
  /** Transaction digests (one per transaction, shared by its edges and nodes). */
  readonly digests = new Interner();
  /** Kinds are a few dozen: numbered through a `Map`, read back for every edge returned. */
  readonly #kinds = new Map<string, number>();
  readonly #kindTexts: string[] = [];

  /**
   * The number of an edge, node or sub- kind, below 65,536, numbering it when new.
   *
   * @throws RangeError past 65,536 distinct kinds (the schema has about twenty)
   */
  kind(kind: string): number {
    const known = this.#kinds.get(kind);
    if (known !== undefined) return known;
    const code = this.#kindTexts.length;
    if (code >= MAX_KINDS) throw new RangeError(`more than 65,536 kinds (at "${kind}")`);
    this.#kindTexts.push(kind);
    this.#kinds.set(kind, code);
    return code;
  }

  /** The kind numbered `code` (a number `kind` gave). */
  kindText(code: number): string {
    return this.#kindTexts[code] as string;
  }
}

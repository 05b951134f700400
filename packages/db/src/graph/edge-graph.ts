/**
 * The provenance graph's edges in memory, for lineage walks that need no database round trip per
 * depth: every edge of the `edges` table with its event id and what backs it (`signed`,
 * `enclave`), packed in typed arrays, and each node's outgoing and incoming edges as linked lists
 * through them (39 bytes per edge, 8 per node, besides the ids and digests its `GraphNames`
 * hold); a walk of 500 nodes at depth 10 takes about a millisecond.
 *
 * It answers exactly what the SQL reads (`queries/walk.ts`) answer, with ids, kinds and tx
 * digests compared by code point (PostgreSQL's `collate "C"`, which the SQL states name too).
 * `LiveGraph` keeps one current with the database.
 */
import type { NodeKind } from "@verity/sdk";
import { grown } from "./grown.ts";
import { GraphNames } from "./names.ts";
import type { LineageEdge, LineageOptions, Walk, WalkedNode } from "./types.ts";

/** End of a node's edge list. */
const NONE = -1;

/**
 * An edge's `signed` and `enclave` (each true, false or null) in one byte: per flag, a bit that
 * says it is set (not null) and a bit for its value.
 */
const SIGNED_SET = 1;
const SIGNED = 2;
const ENCLAVE_SET = 4;
const ENCLAVE = 8;

/** `signed` and `enclave` as the bits of one flags byte. */
function packFlags(signed: boolean | null, enclave: boolean | null): number {
  return (
    (signed === null ? 0 : SIGNED_SET | (signed ? SIGNED : 0)) |
    (enclave === null ? 0 : ENCLAVE_SET | (enclave ? ENCLAVE : 0))
  );
}

/** One flag out of a flags byte: null unless its `set` bit is on. */
const flag = (flags: number, set: number, value: number): boolean | null =>
  flags & set ? (flags & value) !== 0 : null;

/** Code point order of two strings (`collate "C"` for the ASCII ids, kinds and digests here). */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A growable set of edges with adjacency lists. Edges are only added: the `edges` table is
 * append-only (rows are facts with event ids; nothing updates or deletes them).
 */
export class EdgeGraph {
  /** Node ids, kinds and tx digests, numbered (shared with the nodes' facts: `NodeTable`). */
  readonly #names: GraphNames;
  /** First outgoing / incoming edge of each node, or NONE. */
  #firstOut: Int32Array;
  #firstIn: Int32Array;
  /** Per edge: the next edge of the same src / dst, or NONE. */
  #nextOut: Int32Array;
  #nextIn: Int32Array;
  #src: Int32Array;
  #dst: Int32Array;
  #kind: Uint16Array;
  #srcKind: Uint16Array;
  #dstKind: Uint16Array;
  #checkpoint: Float64Array;
  #digest: Int32Array;
  #eventIndex: Int32Array;
  /** Per edge: `signed` and `enclave` (`packFlags`). */
  #flags: Uint8Array;
  #size = 0;

  /**
   * An empty graph numbering through `names`, with room for `expected` edges and nodes before its
   * arrays first grow (they double when full), so a load sized from the table's statistics
   * allocates once.
   */
  constructor(
    expected: { edges: number; nodes: number } = { edges: 1024, nodes: 1024 },
    names = new GraphNames(),
  ) {
    this.#names = names;
    const edges = Math.max(1, Math.ceil(expected.edges));
    const nodes = Math.max(1, Math.ceil(expected.nodes));
    this.#firstOut = new Int32Array(nodes).fill(NONE);
    this.#firstIn = new Int32Array(nodes).fill(NONE);
    this.#nextOut = new Int32Array(edges);
    this.#nextIn = new Int32Array(edges);
    this.#src = new Int32Array(edges);
    this.#dst = new Int32Array(edges);
    this.#kind = new Uint16Array(edges);
    this.#srcKind = new Uint16Array(edges);
    this.#dstKind = new Uint16Array(edges);
    this.#checkpoint = new Float64Array(edges);
    this.#digest = new Int32Array(edges);
    this.#eventIndex = new Int32Array(edges);
    this.#flags = new Uint8Array(edges);
  }

  /** Number of edges held. */
  get size(): number {
    return this.#size;
  }

  /** Number of node ids numbered (by the edges, and by the `NodeTable` sharing its names). */
  get nodeCount(): number {
    return this.#names.ids.size;
  }

  /**
   * Adds one edge (a row of `edges`). The caller adds each row once.
   *
   * @throws RangeError past 65,536 distinct kinds (`Kinds.number`)
   */
  add(edge: LineageEdge): void {
    const at = this.#size;
    if (at === this.#src.length) this.#growEdges();
    const src = this.#node(edge.src);
    const dst = this.#node(edge.dst);
    this.#src[at] = src;
    this.#dst[at] = dst;
    this.#kind[at] = this.#names.edgeKinds.number(edge.kind);
    this.#srcKind[at] = this.#names.nodeKinds.number(edge.srcKind);
    this.#dstKind[at] = this.#names.nodeKinds.number(edge.dstKind);
    this.#checkpoint[at] = edge.checkpoint;
    this.#digest[at] = this.#names.digests.number(edge.txDigest);
    this.#eventIndex[at] = edge.eventIndex;
    this.#flags[at] = packFlags(edge.signed, edge.enclave);
    this.#nextOut[at] = this.#firstOut[src] as number;
    this.#firstOut[src] = at;
    this.#nextIn[at] = this.#firstIn[dst] as number;
    this.#firstIn[dst] = at;
    this.#size = at + 1;
  }

  /**
   * The nodes reachable from `start`, as `GraphReader.walk` gives them: breadth-first, each node
   * once at its smallest depth with the smallest kind the edges reaching it there give it, within
   * a depth by id, at most `maxNodes` (the start node first, kind null), and whether more were
   * within `depth` hops. Options are the caller's to check (`lineage` does).
   */
  walk(start: string, { direction, depth, maxNodes }: LineageOptions): Walk {
    const nodes: WalkedNode[] = [{ id: start, kind: null, depth: 0 }];
    const origin = this.#names.ids.find(start);
    if (origin === undefined) return { nodes, truncated: false };
    const upstream = direction !== "downstream";
    const downstream = direction !== "upstream";
    const seen = new Set<number>([origin]);
    let frontier = [origin];
    let truncated = false;
    for (let d = 1; d <= depth && frontier.length > 0 && !truncated; d++) {
      const reached = new Map<number, number>();
      const reach = (node: number, kind: number) => {
        if (seen.has(node)) return;
        const known = reached.get(node);
        if (known === undefined || this.#nodeKind(kind) < this.#nodeKind(known)) {
          reached.set(node, kind);
        }
      };
      for (const node of frontier) {
        if (upstream) {
          for (let e = this.#firstOut[node] as number; e !== NONE; e = this.#nextOut[e] as number) {
            reach(this.#dst[e] as number, this.#dstKind[e] as number);
          }
        }
        if (downstream) {
          for (let e = this.#firstIn[node] as number; e !== NONE; e = this.#nextIn[e] as number) {
            reach(this.#src[e] as number, this.#srcKind[e] as number);
          }
        }
      }
      const next = [...reached.keys()].sort((a, b) => this.#names.ids.compare(a, b));
      const room = maxNodes - seen.size;
      truncated = next.length > room;
      frontier = next.slice(0, room);
      for (const node of frontier) {
        seen.add(node);
        const kind = this.#nodeKind(reached.get(node) as number);
        nodes.push({ id: this.#names.ids.text(node), kind, depth: d });
      }
    }
    return { nodes, truncated };
  }

  /**
   * Every edge with both ends among `ids`, as `GraphReader.edgesAmong` gives them: ordered by
   * event id (checkpoint, tx digest, event index), then kind, src and dst.
   */
  edgesAmong(ids: readonly string[]): LineageEdge[] {
    /** The members, by number, as the caller spelled them (so no id is decoded again). */
    const members = new Map<number, string>();
    for (const id of ids) {
      const node = this.#names.ids.find(id);
      if (node !== undefined) members.set(node, id);
    }
    const found: LineageEdge[] = [];
    for (const [node, src] of members) {
      for (let e = this.#firstOut[node] as number; e !== NONE; e = this.#nextOut[e] as number) {
        const dst = members.get(this.#dst[e] as number);
        if (dst !== undefined) found.push(this.#edge(e, src, dst));
      }
    }
    return found.sort(byEventId);
  }

  /** Edge `e` (from `src` to `dst`) as a row of `edges`. */
  #edge(e: number, src: string, dst: string): LineageEdge {
    return {
      kind: this.#names.edgeKinds.text(this.#kind[e] as number),
      src,
      srcKind: this.#nodeKind(this.#srcKind[e] as number),
      dst,
      dstKind: this.#nodeKind(this.#dstKind[e] as number),
      signed: flag(this.#flags[e] as number, SIGNED_SET, SIGNED),
      enclave: flag(this.#flags[e] as number, ENCLAVE_SET, ENCLAVE),
      checkpoint: this.#checkpoint[e] as number,
      txDigest: this.#names.digests.text(this.#digest[e] as number),
      eventIndex: this.#eventIndex[e] as number,
    };
  }

  /** The node kind numbered `code`. */
  #nodeKind(code: number): NodeKind {
    return this.#names.nodeKinds.text(code);
  }

  /** The number of node `id`, numbering it (and making room for its lists) when new. */
  #node(id: string): number {
    const node = this.#names.ids.number(id);
    while (node >= this.#firstOut.length) {
      this.#firstOut = grown(this.#firstOut, NONE);
      this.#firstIn = grown(this.#firstIn, NONE);
    }
    return node;
  }

  #growEdges(): void {
    this.#nextOut = grown(this.#nextOut);
    this.#nextIn = grown(this.#nextIn);
    this.#src = grown(this.#src);
    this.#dst = grown(this.#dst);
    this.#kind = grown(this.#kind);
    this.#srcKind = grown(this.#srcKind);
    this.#dstKind = grown(this.#dstKind);
    this.#checkpoint = grown(this.#checkpoint);
    this.#digest = grown(this.#digest);
    this.#eventIndex = grown(this.#eventIndex);
    this.#flags = grown(this.#flags);
  }
}

/** `edgesAmong`'s order: event id, then kind, src, dst (strings by code point). */
function byEventId(a: LineageEdge, b: LineageEdge): number {
  return (
    a.checkpoint - b.checkpoint ||
    byCodePoint(a.txDigest, b.txDigest) ||
    a.eventIndex - b.eventIndex ||
    byCodePoint(a.kind, b.kind) ||
    byCodePoint(a.src, b.src) ||
    byCodePoint(a.dst, b.dst)
  );
}

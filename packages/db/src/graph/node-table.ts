/**
 * The `nodes` table's facts and the retracted datasets in memory, for lineage answers that need
 * no facts statement: what `nodeFacts` reads from SQL, per node number in typed arrays (kinds and
 * tx digests numbered by the `GraphNames` the edges share). Its size: README, Measurements.
 */
import type { NodeKind } from "@verity/sdk";
import { grown } from "./grown.ts";
import type { GraphNames } from "./names.ts";
import type { NodeFacts } from "./types.ts";

/** No kind, subkind or tainting node. */
const NONE = -1;

/** A row of `nodes` (the columns `nodeFacts` reads). */
export interface NodeRow {
  /** object id, address or Walrus blob id */
  id: string;
  kind: NodeKind;
  subkind: string | null;
  label: string | null;
  /** ms since the Unix epoch */
  timestampMs: number | null;
  /** a retracted dataset it comes from */
  taintedBy: string | null;
  checkpoint: number;
  txDigest: string;
  eventIndex: number;
}

/**
 * Each node's `nodes` row and whether it is a retracted dataset. Rows are replaced whole (the
 * write path updates a node's row when it learns a better fact or a taint); retractions are only
 * added, as `dataset_retractions` rows are.
 */
export class NodeTable {
  readonly #names: GraphNames;
  /** Per node number: kind and subkind numbers (NONE: no row / no subkind). */
  #kind: Int32Array;
  #subkind: Int32Array;
  #label: (string | undefined)[];
  /** ms, NaN for none */
  #timestampMs: Float64Array;
  /** node number of `tainted_by`, or NONE */
  #taintedBy: Int32Array;
  #checkpoint: Float64Array;
  #digest: Int32Array;
  #eventIndex: Int32Array;
  /** 1 for a dataset with a `DatasetRetracted` */
  #retracted: Uint8Array;
  #rows = 0;

  /**
   * An empty table numbering through `names`, with room for `expected` node numbers before its
   * arrays first grow (they double when full).
   */
  constructor(names: GraphNames, expected = 1024) {
    const n = Math.max(1, Math.ceil(expected));
    this.#names = names;
    this.#kind = new Int32Array(n).fill(NONE);
    this.#subkind = new Int32Array(n);
    this.#label = new Array(n).fill(undefined);
    this.#timestampMs = new Float64Array(n);
    this.#taintedBy = new Int32Array(n);
    this.#checkpoint = new Float64Array(n);
    this.#digest = new Int32Array(n);
    this.#eventIndex = new Int32Array(n);
    this.#retracted = new Uint8Array(n);
  }

  /** Number of nodes with a row. */
  get size(): number {
    return this.#rows;
  }

  /**
   * Sets node `row.id`'s row, replacing the one held.
   *
   * @throws RangeError past 65,536 distinct kinds (`Kinds.number`)
   */
  set(row: NodeRow): void {
    const node = this.#number(row.id);
    if (this.#kind[node] === NONE) this.#rows++;
    this.#kind[node] = this.#names.nodeKinds.number(row.kind);
    this.#subkind[node] = row.subkind === null ? NONE : this.#names.subkinds.number(row.subkind);
    this.#label[node] = row.label ?? undefined;
    this.#timestampMs[node] = row.timestampMs ?? Number.NaN;
    this.#taintedBy[node] = row.taintedBy === null ? NONE : this.#number(row.taintedBy);
    this.#checkpoint[node] = row.checkpoint;
    this.#digest[node] = this.#names.digests.number(row.txDigest);
    this.#eventIndex[node] = row.eventIndex;
  }

  /** Marks `datasetId` retracted (a row of `dataset_retractions`). */
  retract(datasetId: string): void {
    this.#retracted[this.#number(datasetId)] = 1;
  }

  /** `NodeFacts` for each of `ids` (every id is a key), as `nodeFacts` reads them from SQL. */
  facts(ids: readonly string[]): Map<string, NodeFacts> {
    const facts = new Map<string, NodeFacts>();
    for (const id of ids) facts.set(id, this.#factsOf(id));
    return facts;
  }

  #factsOf(id: string): NodeFacts {
    const node = this.#names.ids.find(id);
    const kind = node === undefined ? NONE : (this.#kind[node] as number);
    const retracted = node !== undefined && this.#retracted[node] === 1;
    if (node === undefined || kind === NONE) {
      return { kind: null, retracted, tainted: false, event: null };
    }
    // Fields in `nodeFacts`'s order (the API's JSON is the same from SQL and from memory),
    // optional ones only when set.
    const facts = { kind: this.#names.nodeKinds.text(kind) } as NodeFacts;
    const subkind = this.#subkind[node] as number;
    if (subkind !== NONE) facts.subkind = this.#names.subkinds.text(subkind);
    const label = this.#label[node];
    if (label !== undefined) facts.label = label;
    const timestampMs = this.#timestampMs[node] as number;
    if (!Number.isNaN(timestampMs)) facts.timestampMs = timestampMs;
    const taintedBy = this.#taintedBy[node] as number;
    facts.retracted = retracted;
    facts.tainted = taintedBy !== NONE;
    if (taintedBy !== NONE) facts.taintedBy = this.#names.ids.text(taintedBy);
    facts.event = {
      checkpoint: this.#checkpoint[node] as number,
      txDigest: this.#names.digests.text(this.#digest[node] as number),
      eventIndex: this.#eventIndex[node] as number,
    };
    return facts;
  }

  /** The number of node `id`, numbering it (and making room for it) when new. */
  #number(id: string): number {
    const node = this.#names.ids.number(id);
    while (node >= this.#kind.length) this.#grow();
    return node;
  }

  #grow(): void {
    this.#kind = grown(this.#kind, NONE);
    this.#subkind = grown(this.#subkind);
    this.#timestampMs = grown(this.#timestampMs);
    this.#taintedBy = grown(this.#taintedBy);
    this.#checkpoint = grown(this.#checkpoint);
    this.#digest = grown(this.#digest);
    this.#eventIndex = grown(this.#eventIndex);
    this.#retracted = grown(this.#retracted);
    while (this.#label.length < this.#kind.length) this.#label.push(undefined);
  }
}

/**
 * The provenance graph held in memory and kept as current as a statement reading its tables: the
 * `edges` table (`EdgeGraph`), the `nodes` table and the retracted datasets (`NodeTable`), loaded
 * once from a snapshot, then, before each use, topped up with the rows written since the last
 * snapshot it read. Lineage walks it and reads the nodes' facts from it instead of running SQL
 * per request (`lineage`, `provLineage`); until it is loaded they read SQL.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../database.ts";
import { rowsOf, selectRows } from "../raw.ts";
import { EdgeGraph } from "./edge-graph.ts";
import { GraphNames } from "./names.ts";
import { type NodeRow, NodeTable } from "./node-table.ts";
import type { GraphReader, LineageEdge, LineageOptions, NodeFacts, Walk } from "./types.ts";

/** Rows read per `FETCH` while loading (bounds the rows decoded at once). */
const LOAD_BATCH = 50_000;

/** The columns of `edges e` as a `LineageEdge` (numbers as text or number, per driver). */
const EDGE_COLUMNS = sql.raw(`e.kind, e.src, e.src_kind as "srcKind", e.dst,
  e.dst_kind as "dstKind", e.signed, e.enclave, e.checkpoint, e.tx_digest as "txDigest",
  e.event_index as "eventIndex"`);

/** The columns of `nodes n` as a `NodeRow` (numbers as text or number, per driver). */
const NODE_COLUMNS = sql.raw(`n.node_id as id, n.kind, n.subkind, n.label,
  n.timestamp_ms as "timestampMs", n.tainted_by as "taintedBy", n.checkpoint,
  n.tx_digest as "txDigest", n.event_index as "eventIndex"`);

/** Numbers as either driver gives them (postgres.js: `bigint` as text), nullable ones too. */
type Wire<T> = {
  [K in keyof T]: number extends T[K] ? Exclude<T[K], number> | number | string : T[K];
};
type EdgeRow = Wire<LineageEdge>;
type NodeWire = Wire<NodeRow>;

/**
 * What a `LiveGraph` holds once loaded: the edges and the nodes' facts, over shared names, read
 * as lineage reads SQL.
 */
export class HeldGraph implements GraphReader {
  constructor(
    readonly edges: EdgeGraph,
    readonly nodes: NodeTable,
  ) {}

  walk(start: string, options: LineageOptions): Walk {
    return this.edges.walk(start, options);
  }

  edgesAmong(ids: readonly string[]): LineageEdge[] {
    return this.edges.edgesAmong(ids);
  }

  nodeFacts(ids: readonly string[]): Map<string, NodeFacts> {
    return this.nodes.facts(ids);
  }
}

/**
 * The provenance graph (edges, nodes' facts, retractions), in memory and current. Create with
 * `followGraph`.
 *
 * Currency: `current()` first reads the rows written since the last snapshot read (one
 * statement over the three tables' `xact_id` indexes, usually empty): rows whose writing
 * transaction (`xact_id`) is not visible in that snapshot but is in the statement's own
 * (`pg_current_snapshot()`). So an answer holds what a statement started at the same moment
 * would see, each edge once and each node as last written, whatever order concurrent writers
 * commit in. Callers that arrive while a top-up runs share the next one.
 */
export class LiveGraph {
  /** Settles when the graph is loaded; rejects with the load's error (lineage stays on SQL). */
  readonly loaded: Promise<void>;
  readonly #db: Db;
  #held: HeldGraph = emptyGraph({ edges: 1024, nodes: 1024 });
  /** The last snapshot read (`pg_snapshot` text); undefined until loaded. */
  #snapshot: string | undefined;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;

  constructor(db: Db) {
    this.#db = db;
    this.loaded = this.#load();
    this.loaded.catch(() => {});
  }

  /** Edges held (0 until loaded). */
  get size(): number {
    return this.#snapshot === undefined ? 0 : this.#held.edges.size;
  }

  /** Nodes with a `nodes` row held (0 until loaded). */
  get nodeCount(): number {
    return this.#snapshot === undefined ? 0 : this.#held.nodes.size;
  }

  /**
   * The graph with every row committed before this call, or undefined while it is not loaded
   * (or its load failed, or a top-up found more than it can hold: then for good).
   *
   * @throws the driver's error when the top-up statement fails (the graph stays as it was);
   *   RangeError when the rows committed since outgrow the graph (the next calls answer
   *   undefined, so lineage reads SQL)
   */
  async current(): Promise<HeldGraph | undefined> {
    if (this.#snapshot === undefined) return undefined;
    await this.#topUp();
    return this.#snapshot === undefined ? undefined : this.#held;
  }

  /** One top-up after this call: the running one's snapshot may predate the caller's commit. */
  #topUp(): Promise<void> {
    if (this.#queued) return this.#queued;
    if (!this.#running) return this.#start();
    const queued = this.#running
      .catch(() => {})
      .then(() => {
        this.#queued = undefined;
        return this.#start();
      });
    this.#queued = queued;
    return queued;
  }

  #start(): Promise<void> {
    const snapshot = this.#snapshot;
    if (snapshot === undefined) return Promise.resolve(); // given up (see `current`)
    const running = this.#readSince(snapshot).finally(() => {
      this.#running = undefined;
    });
    this.#running = running;
    return running;
  }

  /**
   * Adds the rows visible now and not in `snapshot` (each table's as one JSON array, so the
   * three come in one row); remembers now's snapshot.
   */
  async #readSince(snapshot: string): Promise<void> {
    const written = (table: string) => {
      const xact = sql.raw(`${table}.xact_id`);
      return sql`${xact} >= pg_snapshot_xmin(${snapshot}::pg_snapshot)
        and not pg_visible_in_snapshot(${xact}, ${snapshot}::pg_snapshot)`;
    };
    const json = (rows: SQL) => sql`(select coalesce(json_agg(t), '[]')::text from (${rows}) t)`;
    const [row] = await selectRows<{
      snapshot: string;
      edges: string;
      nodes: string;
      retracted: string;
    }>(
      this.#db,
      sql`select pg_current_snapshot()::text as snapshot,
        ${json(sql`select ${EDGE_COLUMNS} from edges e where ${written("e")}`)} as edges,
        ${json(sql`select ${NODE_COLUMNS} from nodes n where ${written("n")}`)} as nodes,
        ${json(sql`select r.dataset_id as id from dataset_retractions r where ${written("r")}`)}
          as retracted`,
    );
    const { edges, nodes, retracted } = row as { edges: string; nodes: string; retracted: string };
    try {
      this.#add(JSON.parse(edges), JSON.parse(nodes), JSON.parse(retracted));
    } catch (error) {
      // The graph cannot hold them (`Kinds.number`'s limit): lineage goes back to SQL.
      this.#snapshot = undefined;
      throw error;
    }
    this.#snapshot = (row as { snapshot: string }).snapshot;
  }

  #add(edges: EdgeRow[], nodes: NodeWire[], retracted: { id: string }[]): void {
    for (const edge of edges) this.#held.edges.add(edgeOf(edge));
    for (const node of nodes) this.#held.nodes.set(nodeOf(node));
    for (const { id } of retracted) this.#held.nodes.retract(id);
  }

  /**
   * Reads every edge, node and retraction in one repeatable-read snapshot, in batches through
   * cursors, into arrays sized from the planner's row counts (`reltuples`: -1 before the first
   * ANALYZE).
   */
  async #load(): Promise<void> {
    const snapshot = await this.#db.transaction(
      async (tx) => {
        const [now] = rowsOf<{ snapshot: string; edges: number; nodes: number }>(
          await tx.execute(sql`select pg_current_snapshot()::text as snapshot,
            (select reltuples from pg_class where oid = 'edges'::regclass) as edges,
            (select reltuples from pg_class where oid = 'nodes'::regclass) as nodes`),
        );
        const { edges, nodes } = now as { edges: number; nodes: number };
        this.#held = emptyGraph({ edges: edges * 1.05, nodes: nodes * 1.05 });
        const { edges: held, nodes: facts } = this.#held;
        await readAll<EdgeRow>(tx, sql`select ${EDGE_COLUMNS} from edges e`, (row) =>
          held.add(edgeOf(row)),
        );
        await readAll<NodeWire>(tx, sql`select ${NODE_COLUMNS} from nodes n`, (row) =>
          facts.set(nodeOf(row)),
        );
        await readAll<{ id: string }>(
          tx,
          sql`select dataset_id as id from dataset_retractions`,
          (row) => facts.retract(row.id),
        );
        return (now as { snapshot: string }).snapshot;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    this.#snapshot = snapshot;
  }
}

/**
 * Starts loading the provenance graph of `db` (its `edges`, `nodes` and `dataset_retractions`)
 * into memory, in the background, and returns the graph that follows it. Lineage queries given
 * it read it once loaded (`LiveGraph.loaded`), and read SQL until then. Time and memory grow
 * with the graph's size (figures: README, Lineage in memory).
 */
export function followGraph(db: Db): LiveGraph {
  return new LiveGraph(db);
}

/** An empty `HeldGraph` with room for `expected` rows (at least 1024 each). */
function emptyGraph(expected: { edges: number; nodes: number }): HeldGraph {
  const names = new GraphNames();
  const nodes = Math.max(1024, expected.nodes);
  return new HeldGraph(
    new EdgeGraph({ edges: Math.max(1024, expected.edges), nodes }, names),
    new NodeTable(names, nodes),
  );
}

/** Every row of `query` to `each`, read `LOAD_BATCH` at a time through a cursor of `tx`. */
async function readAll<T>(tx: Tx, query: SQL, each: (row: T) => void): Promise<void> {
  await tx.execute(sql`declare verity_graph no scroll cursor for ${query}`);
  for (;;) {
    const rows = rowsOf<T>(
      await tx.execute(sql.raw(`fetch forward ${LOAD_BATCH} from verity_graph`)),
    );
    for (const row of rows) each(row);
    if (rows.length < LOAD_BATCH) break;
  }
  await tx.execute(sql`close verity_graph`);
}

function edgeOf(row: EdgeRow): LineageEdge {
  return { ...row, checkpoint: Number(row.checkpoint), eventIndex: Number(row.eventIndex) };
}

function nodeOf(row: NodeWire): NodeRow {
  return {
    ...row,
    timestampMs: row.timestampMs === null ? null : Number(row.timestampMs),
    checkpoint: Number(row.checkpoint),
    eventIndex: Number(row.eventIndex),
  };
}

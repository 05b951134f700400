/**
 * The `edges` table held in memory (`EdgeGraph`) and kept as current as a statement reading the
 * table: loaded once from a snapshot, then, before each use, topped up with the edges committed
 * since the last snapshot it read. Lineage walks it instead of one SQL statement per request
 * (`lineage`, `provLineage`); until it is loaded they read SQL.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { LineageEdge } from "../queries/lineage.ts";
import { rowsOf, selectRows } from "../queries/raw.ts";
import { EdgeGraph } from "./edge-graph.ts";

/** Edges read per `FETCH` while loading (bounds the rows decoded at once). */
const LOAD_BATCH = 50_000;

/** The columns of `edges e` as a `LineageEdge` (checkpoint as text or number, per driver). */
const EDGE_COLUMNS = sql.raw(`e.kind, e.src, e.src_kind as "srcKind", e.dst,
  e.dst_kind as "dstKind", e.checkpoint, e.tx_digest as "txDigest", e.event_index as "eventIndex"`);

type EdgeRow = Omit<LineageEdge, "checkpoint" | "eventIndex"> & {
  checkpoint: number | string;
  eventIndex: number | string;
};

/**
 * The provenance graph's edges, in memory and current. Create with `followEdges`.
 *
 * Currency: `current()` first reads the edges that became visible since the last snapshot read
 * (one indexed statement, usually empty): rows whose writing transaction (`edges.xact_id`) is not
 * visible in that snapshot but is in the statement's own (`pg_current_snapshot()`). So an answer
 * holds every edge a statement started at the same moment would see, each once, whatever order
 * concurrent writers commit in. Callers that arrive while a top-up runs share the next one.
 */
export class LiveGraph {
  /** Settles when the edges are loaded; rejects with the load's error (lineage stays on SQL). */
  readonly loaded: Promise<void>;
  readonly #db: Db;
  #graph = new EdgeGraph();
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
    return this.#snapshot === undefined ? 0 : this.#graph.size;
  }

  /**
   * The graph with every edge committed before this call, or undefined while it is not loaded
   * (or its load failed, or a top-up found more than it can hold: then for good).
   *
   * @throws the driver's error when the top-up statement fails (the graph stays as it was);
   *   RangeError when the edges committed since outgrow the graph (the next calls answer
   *   undefined, so lineage reads SQL)
   */
  async current(): Promise<EdgeGraph | undefined> {
    if (this.#snapshot === undefined) return undefined;
    await this.#topUp();
    return this.#snapshot === undefined ? undefined : this.#graph;
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

  /** Adds the edges visible now and not in `snapshot`; remembers now's snapshot. */
  async #readSince(snapshot: string): Promise<void> {
    const rows = await selectRows<EdgeRow & { snapshot: string }>(
      this.#db,
      sql`
        with now as materialized (select pg_current_snapshot() as snapshot)
        select now.snapshot::text as snapshot, ${EDGE_COLUMNS}
        from now
        left join edges e
          on e.xact_id >= pg_snapshot_xmin(${snapshot}::pg_snapshot)
         and not pg_visible_in_snapshot(e.xact_id, ${snapshot}::pg_snapshot)
      `,
    );
    try {
      for (const row of rows) if (row.src !== null) this.#graph.add(edgeOf(row));
    } catch (error) {
      // The graph cannot hold them (`EdgeGraph.add`'s limits): lineage goes back to SQL.
      this.#snapshot = undefined;
      throw error;
    }
    this.#snapshot = (rows[0] as { snapshot: string }).snapshot;
  }

  /**
   * Reads every edge in one repeatable-read snapshot, in batches through a cursor, into arrays
   * sized from the planner's row counts (`reltuples`: -1 before the first ANALYZE).
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
        this.#graph = new EdgeGraph({
          edges: Math.max(1024, edges * 1.05),
          nodes: Math.max(1024, nodes * 1.05),
        });
        await tx.execute(sql`declare verity_edges no scroll cursor for
          select ${EDGE_COLUMNS} from edges e`);
        for (;;) {
          const rows = rowsOf<EdgeRow>(
            await tx.execute(sql.raw(`fetch forward ${LOAD_BATCH} from verity_edges`)),
          );
          for (const row of rows) this.#graph.add(edgeOf(row));
          if (rows.length < LOAD_BATCH) break;
        }
        return (now as { snapshot: string }).snapshot;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    this.#snapshot = snapshot;
  }
}

/**
 * Starts loading the `edges` table of `db` into memory (in the background: about 10 s and
 * 400 MB per 5M edges) and returns the graph that follows it. Lineage queries given it walk it
 * once loaded (`LiveGraph.loaded`), and read SQL until then.
 */
export function followEdges(db: Db): LiveGraph {
  return new LiveGraph(db);
}

function edgeOf(row: EdgeRow): LineageEdge {
  return { ...row, checkpoint: Number(row.checkpoint), eventIndex: Number(row.eventIndex) };
}

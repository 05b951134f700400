import { EDGE_KINDS, type EdgeKind } from "@verity/sdk";
import { prng, shuffled } from "@verity/testing";
import { isNotNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  commitCheckpoint,
  type Db,
  type InsertRow,
  nodes,
  TAINT_EDGE_KINDS,
  tainted,
} from "../src/index.ts";
import { drivers, useDatabase } from "./support/databases.ts";
import { runMigrationFile } from "./support/migration-file.ts";
import { readTable } from "./support/read.ts";

type Edge = [kind: EdgeKind, src: string, dst: string];

/** An event id named after the row, so that the same row made twice is the same row. */
const eventId = (name: string) => ({ checkpoint: 1, txDigest: name, eventIndex: 0 });
const edgeRow = ([kind, src, dst]: Edge): InsertRow<"edges"> => ({
  kind,
  src,
  srcKind: "object",
  dst,
  dstKind: "object",
  network: "testnet",
  ...eventId(`${src}-${kind}->${dst}`),
});
const retractionRow = (datasetId: string): InsertRow<"datasetRetractions"> => ({
  datasetId,
  creator: "alice",
  reason: "consent withdrawn",
  timestampMs: 1,
  ...eventId(`retract-${datasetId}`),
});

/** One batch of rows: retractions and edges. */
interface Batch {
  retracted: string[];
  edges: Edge[];
}

/** A random graph of 25 nodes and 45 edges of every kind (cycles included), 3 retractions. */
function randomGraph(seed: number): Batch {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const nodes = Array.from({ length: 25 }, (_, i) => `n${i}`);
  const edges = Array.from(
    { length: 45 },
    (): Edge => [pick(EDGE_KINDS), pick(nodes), pick(nodes)],
  );
  const retracted = [...new Set(Array.from({ length: 3 }, () => pick(nodes)))];
  return { retracted, edges };
}

/** `list` cut into `n` consecutive parts (some possibly empty). */
const parts = <T>(list: readonly T[], n: number): T[][] =>
  Array.from({ length: n }, (_, i) =>
    list.slice(Math.floor((i * list.length) / n), Math.floor(((i + 1) * list.length) / n)),
  );

const retractionsFirst = (g: Batch): Batch[] => [
  { retracted: g.retracted, edges: [] },
  ...parts(g.edges, 4).map((edges) => ({ retracted: [], edges })),
];
const retractionsLast = (g: Batch): Batch[] => [
  ...parts(g.edges, 4).map((edges) => ({ retracted: [], edges })),
  { retracted: g.retracted, edges: [] },
];
const mixed = (g: Batch, seed: number): Batch[] =>
  parts(shuffled<Edge | string>([...g.edges, ...g.retracted], seed), 5).map((batch) => ({
    retracted: batch.filter((r): r is string => typeof r === "string"),
    edges: batch.filter((r): r is Edge => typeof r !== "string"),
  }));

/** How a graph's rows are split into batches, in commit order. */
const ORDERS: [string, (g: Batch, seed: number) => Batch[]][] = [
  ["retractions first, then the edges in 4 batches", retractionsFirst],
  ["the edges in 4 batches, then the retractions", retractionsLast],
  ["everything shuffled into 5 batches", mixed],
  ["one batch", (g) => [g]],
];

/**
 * The definition `tainted` must keep (impact analysis as it was computed per request): every
 * retracted dataset and every node with a path of taint edges, src -> dst, to one.
 */
async function definition(db: Db): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive down(id) as (
      select dataset_id from dataset_retractions
      union
      select e.src from down
      join edges e on e.dst = down.id and e.kind in ${TAINT_EDGE_KINDS}
    )
    select id from down order by id
  `);
  return rows<{ id: string }>(result).map((r) => r.id);
}

/** The retractions each node reaches along taint edges, by node. */
async function reaching(db: Db): Promise<Map<string, Set<string>>> {
  const result = await db.execute(sql`
    with recursive down(id, retraction) as (
      select dataset_id, dataset_id from dataset_retractions
      union
      select e.src, down.retraction from down
      join edges e on e.dst = down.id and e.kind in ${TAINT_EDGE_KINDS}
    )
    select id, retraction from down
  `);
  const out = new Map<string, Set<string>>();
  for (const { id, retraction } of rows<{ id: string; retraction: string }>(result)) {
    out.set(id, (out.get(id) ?? new Set()).add(retraction));
  }
  return out;
}

const rows = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

describe.each(drivers)("tainted ($name)", (driver) => {
  const handle = useDatabase(driver);
  let checkpoint = 0;
  const commit = (batch: Batch) =>
    commitCheckpoint(
      handle.db,
      "provenance",
      { sequenceNumber: checkpoint++, timestampMs: 0 },
      { datasetRetractions: batch.retracted.map(retractionRow), edges: batch.edges.map(edgeRow) },
    );
  const table = async () =>
    (await handle.db.select().from(tainted).orderBy(tainted.nodeId)).map(
      (r) => `${r.nodeId}<-${r.retractionId}`,
    );
  /** `nodes.tainted_by` as `table()` shows `tainted`: the two must be equal (the mirror). */
  const marks = async () =>
    (
      await handle.db
        .select({ nodeId: nodes.nodeId, taintedBy: nodes.taintedBy })
        .from(nodes)
        .where(isNotNull(nodes.taintedBy))
        .orderBy(nodes.nodeId)
    ).map((r) => `${r.nodeId}<-${r.taintedBy}`);
  const taintedIds = async () =>
    (await handle.db.select().from(tainted).orderBy(tainted.nodeId)).map((r) => r.nodeId);

  /** After each batch: the table is the definition, each node with a retraction it reaches. */
  const expectDefinition = async () => {
    const stored = await handle.db.select().from(tainted);
    expect(stored.map((r) => r.nodeId).sort()).toEqual(await definition(handle.db));
    const reached = await reaching(handle.db);
    for (const r of stored) expect(reached.get(r.nodeId)?.has(r.retractionId), r.nodeId).toBe(true);
    expect(await marks(), "every tainted node's row carries its retraction").toEqual(await table());
  };

  it("taints along wasDerivedFrom, used, wasGeneratedBy, wasInformedBy and storedAs only, downstream only", async () => {
    await commit({
      retracted: ["raw"],
      edges: [
        ["wasDerivedFrom", "derived", "raw"],
        ["used", "training", "derived"],
        ["wasGeneratedBy", "model", "training"],
        ["wasInformedBy", "inference", "training"],
        ["storedAs", "weights", "model"],
        ["wasRevisionOf", "rawV2", "raw"],
        ["wasAttributedTo", "raw", "alice"],
        ["governedBy", "raw", "policy"],
        ["storedAs", "raw", "blobRaw"],
        ["wasAssociatedWith", "training", "attester"],
        ["used", "unrelated", "other"],
      ],
    });
    expect(await table()).toEqual([
      "derived<-raw",
      "inference<-raw",
      "model<-raw",
      "raw<-raw",
      "training<-raw",
      "weights<-raw",
    ]);
  });

  it("taints what comes from a retraction whether its edges arrive before or after it", async () => {
    const chain: Edge[] = [
      ["wasDerivedFrom", "b", "a"],
      ["used", "c", "b"],
      ["wasGeneratedBy", "d", "c"],
    ];
    await commit({ retracted: [], edges: [chain[1] as Edge] });
    expect(await taintedIds()).toEqual([]);
    await commit({ retracted: ["a"], edges: [] });
    expect(await taintedIds()).toEqual(["a"]);
    await commit({ retracted: [], edges: [chain[0] as Edge] });
    expect(await taintedIds()).toEqual(["a", "b", "c"]);
    await commit({ retracted: [], edges: [chain[2] as Edge, ["storedAs", "e", "d"]] });
    expect(await table()).toEqual(["a<-a", "b<-a", "c<-a", "d<-a", "e<-a"]);
    expect(await marks(), "a, retracted before any edge named it, has its row too").toEqual(
      await table(),
    );
  });

  it("keeps the first retraction that reached a node, and ends on cycles", async () => {
    await commit({
      retracted: ["y"],
      edges: [
        ["wasDerivedFrom", "p", "q"],
        ["wasDerivedFrom", "q", "p"],
        ["wasDerivedFrom", "q", "y"],
      ],
    });
    await commit({ retracted: ["x"], edges: [["wasDerivedFrom", "p", "x"]] });
    expect(await table()).toEqual(["p<-y", "q<-y", "x<-x", "y<-y"]);
    expect(await marks()).toEqual(await table());
  });

  for (const [order, split] of ORDERS) {
    it(`equals the recursive definition after every batch: ${order}`, async () => {
      for (const seed of [1, 2, 3, 4]) {
        await handle.db.execute(
          sql`truncate table tainted, nodes, edges, dataset_retractions, watermarks`,
        );
        checkpoint = 0;
        for (const batch of split(randomGraph(seed), seed)) {
          await commit(batch);
          await expectDefinition();
        }
        expect(
          (await definition(handle.db)).length,
          `seed ${seed} taints something`,
        ).toBeGreaterThan(1);
      }
    });
  }

  it("gives the same rows whatever the order of the rows within a batch", async () => {
    const graph = randomGraph(5);
    const orders = [
      graph,
      { retracted: [...graph.retracted].reverse(), edges: shuffled(graph.edges, 9) },
    ];
    const results: string[][] = [];
    for (const batch of orders) {
      await handle.db.execute(
        sql`truncate table tainted, nodes, edges, dataset_retractions, watermarks`,
      );
      await commit(batch);
      results.push(await table());
    }
    expect(results[1]).toEqual(results[0]);
  });

  it("adds nothing when batches are committed again", async () => {
    const batches = mixed(randomGraph(6), 6);
    for (const batch of batches) await commit(batch);
    const before = await table();
    checkpoint = 0;
    for (const batch of batches) await commit(batch);
    expect(await table()).toEqual(before);
  });

  it("gives each node the smallest retraction reaching it when filled at once, as the backfill migration does", async () => {
    await commit(randomGraph(7));
    const written = await table();
    const smallest = [...(await reaching(handle.db))].map(
      ([node, retractions]) => `${node}<-${[...retractions].sort()[0]}`,
    );
    expect([...written].sort()).toEqual(smallest.sort());
    expect(written.length).toBeGreaterThan(3);
    const graph = await readTable(handle.db, nodes);
    await handle.db.execute(sql`truncate table tainted, nodes`);
    await runMigrationFile(handle.db, "0003_backfill_tainted.sql");
    expect(await table()).toEqual(written);
    // nodes as the backfills before tainted_by left them, then brought up to date
    await runMigrationFile(handle.db, "0006_backfill_nodes.sql");
    expect(await marks()).toEqual([]);
    await runMigrationFile(handle.db, "0012_backfill_nodes_tainted_by.sql");
    expect(await readTable(handle.db, nodes)).toEqual(graph);
    expect(await marks()).toEqual(written);
  });
});

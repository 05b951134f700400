import { sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { describe, expect, it } from "vitest";
import { GraphNames, Kinds } from "../src/graph/names.ts";
import { type NodeRow, NodeTable } from "../src/graph/node-table.ts";
import {
  commitCheckpoint,
  EdgeGraph,
  followGraph,
  type InsertRow,
  type LineageEdge,
  lineage,
  nodeFacts,
} from "../src/index.ts";
import { drivers, type TestDriver, useDatabase } from "./support/databases.ts";

/** Each of `signed` and `enclave` can be null, false or true. */
const FLAG = [null, false, true] as const;

/**
 * Edge `i` of a chain: `n{i+1}` was derived from `n{i}`; every 9 edges hold each combination of
 * `signed` and `enclave`.
 */
const link = (i: number): LineageEdge => ({
  kind: "wasDerivedFrom",
  src: `n${i + 1}`,
  srcKind: "dataset",
  dst: `n${i}`,
  dstKind: "dataset",
  signed: FLAG[i % 3] as boolean | null,
  enclave: FLAG[Math.floor(i / 3) % 3] as boolean | null,
  checkpoint: i,
  txDigest: `tx${i}`,
  eventIndex: 0,
});

describe("EdgeGraph", () => {
  it("grows past its first arrays and keeps every edge and list", () => {
    const graph = new EdgeGraph();
    for (let i = 0; i < 5000; i++) graph.add(link(i));
    expect([graph.size, graph.nodeCount]).toEqual([5000, 5001]);
    const walk = graph.walk("n5000", { direction: "upstream", depth: 25, maxNodes: 100 });
    expect(walk.nodes.map((n) => n.id)).toEqual(
      Array.from({ length: 26 }, (_, d) => `n${5000 - d}`),
    );
    const down = graph.walk("n0", { direction: "downstream", depth: 3, maxNodes: 3 });
    expect(down).toEqual({
      nodes: [
        { id: "n0", kind: null, depth: 0 },
        { id: "n1", kind: "dataset", depth: 1 },
        { id: "n2", kind: "dataset", depth: 2 },
      ],
      truncated: true,
    });
    const ids = Array.from({ length: 5001 }, (_, i) => `n${i}`);
    expect(graph.edgesAmong(ids).map((e) => e.checkpoint)).toEqual(
      Array.from({ length: 5000 }, (_, i) => i),
    );
    expect(graph.edgesAmong(["n7", "n8", "unknown"])).toEqual([link(7)]);
    const nine = graph.edgesAmong(Array.from({ length: 10 }, (_, i) => `n${i}`));
    expect(new Set(nine.map((e) => `${e.signed}/${e.enclave}`)).size, "every combination").toBe(9);
    expect(nine).toEqual(Array.from({ length: 9 }, (_, i) => link(i)));
  });

  it("refuses a 65,537th kind of a sort, and gives each kind back by its number", () => {
    const kinds = new Kinds<string>();
    for (let i = 0; i < 65536; i++) expect(kinds.number(`k${i}`)).toBe(i);
    expect(kinds.number("k7")).toBe(7);
    expect(kinds.text(65535)).toBe("k65535");
    expect(() => kinds.number("one more")).toThrow(RangeError);
  });
});

describe("NodeTable", () => {
  const row = (id: string, checkpoint: number): NodeRow => ({
    id,
    kind: "dataset",
    subkind: null,
    label: null,
    timestampMs: null,
    taintedBy: null,
    checkpoint,
    txDigest: `tx${checkpoint}`,
    eventIndex: 0,
  });

  it("gives each node's facts as nodeFacts does, its row replaced whole, past its first arrays", () => {
    const names = new GraphNames();
    const table = new NodeTable(names, 1);
    for (let i = 0; i < 3000; i++) table.set(row(`d${i}`, i));
    table.set({ ...row("d7", 70), subkind: "transform", label: "seven", timestampMs: 5 });
    table.set({ ...row("d8", 80), taintedBy: "r" });
    table.retract("r");
    const facts = table.facts(["d7", "d8", "d2999", "r", "nobody"]);
    expect(table.size).toBe(3000);
    expect(facts.get("d7")).toEqual({
      kind: "dataset",
      subkind: "transform",
      label: "seven",
      timestampMs: 5,
      retracted: false,
      tainted: false,
      event: { checkpoint: 70, txDigest: "tx70", eventIndex: 0 },
    });
    expect(facts.get("d8")).toMatchObject({ tainted: true, taintedBy: "r" });
    expect(facts.get("d2999")?.event?.checkpoint).toBe(2999);
    expect(facts.get("r")).toEqual({ kind: null, retracted: true, tainted: false, event: null });
    expect(facts.get("nobody")).toEqual({
      kind: null,
      retracted: false,
      tainted: false,
      event: null,
    });
  });
});

describe.each(drivers)("LiveGraph ($name)", (driver) => {
  const handle = useDatabase(driver);
  const insert = (i: number) =>
    handle.db.execute(sql`insert into edges (kind, src, src_kind, dst, dst_kind, network,
      checkpoint, tx_digest, event_index) values ('wasDerivedFrom', ${`n${i + 1}`}, 'dataset',
      ${`n${i}`}, 'dataset', 'testnet', ${i}, ${`tx${i}`}, 0)`);

  it("answers from SQL until loaded, then from memory with what was committed since", async () => {
    await insert(0);
    const live = followGraph(handle.db);
    expect(await live.current()).toBeUndefined();
    await live.loaded;
    expect(live.size).toBe(1);
    await insert(1);
    const walked = await lineage(
      handle.db,
      "n2",
      { direction: "upstream", depth: 5, maxNodes: 9 },
      live,
    );
    expect(walked.nodes.map((n) => n.id)).toEqual(["n2", "n1", "n0"]);
    expect(live.size).toBe(2);
  });

  it("adds each edge once when callers and commits interleave", async () => {
    const live = followGraph(handle.db);
    await live.loaded;
    for (let i = 0; i < 20; i++) {
      await Promise.all([insert(i), live.current(), live.current(), live.current()]);
    }
    const graph = await live.current();
    expect(live.size).toBe(20);
    expect(graph?.edges.edgesAmong(Array.from({ length: 21 }, (_, i) => `n${i}`))).toHaveLength(20);
  });
  it("follows the nodes' rows as the write path rewrites them, and the retractions", async () => {
    const eventId = (checkpoint: number) => ({
      checkpoint,
      txDigest: `tx${checkpoint}`,
      eventIndex: 0,
    });
    const edge = (src: string, dst: string, checkpoint: number): InsertRow<"edges"> => ({
      kind: "wasDerivedFrom",
      src,
      srcKind: "dataset",
      dst,
      dstKind: "dataset",
      network: "testnet",
      ...eventId(checkpoint),
    });
    const commit = (sequenceNumber: number, rows: Parameters<typeof commitCheckpoint>[3]) =>
      commitCheckpoint(handle.db, "p", { sequenceNumber, timestampMs: 0 }, rows);
    await commit(1, { edges: [edge("child", "parent", 10), edge("parent", "blob", 12)] });
    const live = followGraph(handle.db);
    await live.loaded;
    const ids = ["child", "parent", "blob", "other", "nobody"];
    const before = (await live.current())?.nodes.facts(ids);
    expect(before?.get("parent")?.event?.checkpoint).toBe(10);
    expect(before?.get("blob")).toMatchObject({ kind: "dataset", tainted: false });
    // A better fact for `parent` (an earlier edge), a retraction of it (tainting `child`), and a
    // Walrus blob event for `blob`, which the edges named first.
    await commit(2, {
      edges: [edge("other", "parent", 5)],
      datasetRetractions: [
        { datasetId: "parent", creator: "alice", reason: "r", timestampMs: 1, ...eventId(20) },
      ],
      walrusBlobEvents: [
        {
          ...eventId(3),
          network: "testnet",
          kind: "registered",
          blobId: "blob",
          objectId: "blobObject",
          epoch: 1,
          timestampMs: 30,
        },
      ],
    });
    const after = (await live.current())?.nodes.facts(ids);
    expect(after).toEqual(await nodeFacts(handle.db, ids));
    expect(after?.get("parent")).toMatchObject({ retracted: true, event: eventId(5) });
    expect(after?.get("child")).toMatchObject({ tainted: true, taintedBy: "parent" });
    expect(after?.get("blob")).toMatchObject({ kind: "blob", timestampMs: 30 });
    expect(live.nodeCount).toBe(4);
  });

  it("gives up for SQL when the edges committed since outgrow it", async () => {
    const live = followGraph(handle.db);
    await live.loaded;
    await handle.db.execute(sql`insert into edges (kind, src, src_kind, dst, dst_kind, network,
      checkpoint, tx_digest, event_index)
      select 'kind' || i, 'a', 'x', 'b', 'y', 'testnet', 1, 'tx' || i, 0
      from generate_series(1, 65537) as i`);
    await expect(live.current()).rejects.toThrow(RangeError);
    expect(await live.current()).toBeUndefined();
    const walked = await lineage(
      handle.db,
      "a",
      { direction: "upstream", depth: 1, maxNodes: 9 },
      live,
    );
    expect(walked.nodes.map((n) => n.id)).toEqual(["a", "b"]);
  });
});

describe("LiveGraph (postgres, concurrent writers)", () => {
  const handle = useDatabase(drivers.find((d) => d.name === "postgres") as TestDriver);

  it("holds an edge whose transaction commits after a later transaction's, once", async () => {
    const live = followGraph(handle.db);
    await live.loaded;
    const client = handle.database.client as Sql;
    let inserted!: () => void;
    let release!: () => void;
    const insertedFirst = new Promise<void>((done) => (inserted = done));
    const released = new Promise<void>((done) => (release = done));
    // The first transaction takes its id, inserts, and stays open while a second one commits.
    const first = client.begin(async (tx) => {
      await tx`insert into edges (kind, src, src_kind, dst, dst_kind, network, checkpoint,
        tx_digest, event_index) values ('used', 'a', 'attestation', 'x', 'dataset', 'testnet', 1,
        'txA', 0)`;
      inserted();
      await released;
    });
    await insertedFirst;
    await client`insert into edges (kind, src, src_kind, dst, dst_kind, network, checkpoint,
      tx_digest, event_index) values ('used', 'b', 'attestation', 'x', 'dataset', 'testnet', 2,
      'txB', 0)`;
    const ends = async () =>
      (await live.current())?.edges.edgesAmong(["a", "b", "x"]).map((e) => e.src);
    expect(await ends()).toEqual(["b"]);
    release();
    await first;
    expect(await ends()).toEqual(["a", "b"]);
    expect(live.size).toBe(2);
  });
});

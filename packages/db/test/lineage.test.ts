import type { EdgeKind, NodeKind } from "@verity/sdk";
import { prng } from "@verity/testing";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  commitCheckpoint,
  type Db,
  followGraph,
  type LineageOptions,
  lineage,
  nodeFacts,
  provLineage,
  type Rows,
} from "../src/index.ts";
import { drivers, useDatabase } from "./support/databases.ts";

/**
 * A small graph: raw <- derived <- model <- inference, with the activities between them: the
 * transform claimed (unsigned), the training signed by a key, the inference by an enclave.
 */
const E: [kind: EdgeKind, src: string, srcKind: NodeKind, dst: string, dstKind: NodeKind][] = [
  ["wasDerivedFrom", "derived", "dataset", "raw", "dataset"],
  ["wasGeneratedBy", "derived", "dataset", "transform", "attestation"],
  ["used", "transform", "attestation", "raw", "object"],
  ["wasDerivedFrom", "model", "model", "derived", "dataset"],
  ["wasGeneratedBy", "model", "model", "training", "attestation"],
  ["used", "training", "attestation", "derived", "object"],
  ["used", "inference", "inference", "model", "model"],
  ["storedAs", "raw", "dataset", "blobRaw", "blob"],
  // a cycle, which the chain cannot make but the walk must survive
  ["wasDerivedFrom", "loopA", "dataset", "loopB", "dataset"],
  ["wasDerivedFrom", "loopB", "dataset", "loopA", "dataset"],
  // a new version of raw: it replaces raw, it does not consume it
  ["wasRevisionOf", "rawV2", "dataset", "raw", "dataset"],
];
/** What backs the edges of `E` (by index): the rest are backed by no attestation (null). */
const BACKED: Record<number, [signed: boolean, enclave: boolean]> = {
  0: [false, false],
  1: [false, false],
  2: [false, false],
  3: [true, false],
  4: [true, false],
  5: [true, false],
  6: [true, true],
};
const rows: Rows = {
  edges: E.map(([kind, src, srcKind, dst, dstKind], i) => ({
    kind,
    src,
    srcKind,
    dst,
    dstKind,
    network: "testnet",
    signed: BACKED[i]?.[0] ?? null,
    enclave: BACKED[i]?.[1] ?? null,
    checkpoint: 10 + i,
    txDigest: `tx${i}`,
    eventIndex: 0,
  })),
  datasetRetractions: [
    {
      datasetId: "raw",
      creator: "alice",
      reason: "consent withdrawn",
      timestampMs: 5,
      checkpoint: 99,
      txDigest: "txR",
      eventIndex: 0,
    },
  ],
  walrusBlobEvents: [
    {
      checkpoint: 7,
      txDigest: "txW",
      eventIndex: 3,
      network: "testnet",
      kind: "registered",
      blobId: "blobRaw",
      objectId: "blobObject",
      epoch: 1,
      timestampMs: 70,
    },
  ],
};

describe.each(drivers)("lineage ($name)", (driver) => {
  const handle = useDatabase(driver);
  const seed = () =>
    commitCheckpoint(handle.db, "provenance", { sequenceNumber: 99, timestampMs: 0 }, rows);
  const ids = (l: { nodes: { id: string; depth: number }[] }) =>
    l.nodes.map((n) => `${n.id}@${n.depth}`);

  it("walks upstream from a model to everything it came from, nearest first", async () => {
    await seed();
    const result = await lineage(handle.db, "model", {
      direction: "upstream",
      depth: 10,
      maxNodes: 100,
    });
    expect(ids(result)).toEqual([
      "model@0",
      "derived@1",
      "training@1",
      "raw@2",
      "transform@2",
      "blobRaw@3",
    ]);
    expect(result.nodes[0]).toEqual({ id: "model", kind: "model", depth: 0 });
    expect(result.edges.map((e) => `${e.src}-${e.kind}->${e.dst}`)).toEqual([
      "derived-wasDerivedFrom->raw",
      "derived-wasGeneratedBy->transform",
      "transform-used->raw",
      "model-wasDerivedFrom->derived",
      "model-wasGeneratedBy->training",
      "training-used->derived",
      "raw-storedAs->blobRaw",
    ]);
    expect(result.edges[0]).toMatchObject({
      signed: false,
      enclave: false,
      checkpoint: 10,
      txDigest: "tx0",
      eventIndex: 0,
    });
    expect(result.edges.map((e) => [e.signed, e.enclave])).toEqual([
      ...Array(3).fill([false, false]),
      ...Array(3).fill([true, false]),
      [null, null],
    ]);
    expect(result.truncated).toBe(false);
  });

  it("walks downstream from a dataset to everything derived from it", async () => {
    await seed();
    const result = await lineage(handle.db, "raw", {
      direction: "downstream",
      depth: 10,
      maxNodes: 100,
    });
    expect(ids(result)).toEqual([
      "raw@0",
      "derived@1",
      "rawV2@1",
      "transform@1",
      "model@2",
      "training@2",
      "inference@3",
    ]);
  });

  it("walks both ways, bounded by depth", async () => {
    await seed();
    const result = await lineage(handle.db, "derived", {
      direction: "both",
      depth: 1,
      maxNodes: 100,
    });
    expect(ids(result)).toEqual(["derived@0", "model@1", "raw@1", "training@1", "transform@1"]);
  });

  it("ends on cycles, visiting each node once", async () => {
    await seed();
    const result = await lineage(handle.db, "loopA", {
      direction: "both",
      depth: 25,
      maxNodes: 100,
    });
    expect(ids(result)).toEqual(["loopA@0", "loopB@1"]);
    expect(result.edges).toHaveLength(2);
  });

  it("caps the node count and says so", async () => {
    await seed();
    const result = await lineage(handle.db, "model", {
      direction: "upstream",
      depth: 10,
      maxNodes: 3,
    });
    expect(ids(result)).toEqual(["model@0", "derived@1", "training@1"]);
    expect(result.truncated).toBe(true);
  });

  it("gives an unknown id alone, as an object without edges", async () => {
    await seed();
    expect(
      await lineage(handle.db, "nobody", { direction: "both", depth: 3, maxNodes: 10 }),
    ).toEqual({
      nodes: [{ id: "nobody", kind: "object", depth: 0 }],
      edges: [],
      truncated: false,
    });
  });

  it("refuses depths and caps out of range", async () => {
    for (const depth of [-1, 26, 1.5]) {
      await expect(
        lineage(handle.db, "x", { direction: "both", depth, maxNodes: 10 }),
      ).rejects.toThrow(RangeError);
    }
    await expect(
      lineage(handle.db, "x", { direction: "both", depth: 1, maxNodes: 0 }),
    ).rejects.toThrow(RangeError);
  });

  it("taints a retracted dataset and everything that came from it, not its revision", async () => {
    await seed();
    const all = ["raw", "derived", "transform", "model", "training", "inference", "blobRaw"];
    const facts = await nodeFacts(handle.db, [...all, "rawV2", "loopA"]);
    const tainted = [...facts].filter(([, f]) => f.tainted).map(([id]) => id);
    expect(tainted.sort()).toEqual(all.filter((id) => id !== "blobRaw").sort());
    for (const id of tainted) expect(facts.get(id)?.taintedBy).toBe("raw");
    expect(facts.get("rawV2")).not.toHaveProperty("taintedBy");
  });

  it("gives each node's kind and event: its first Walrus event for a blob, else its first edge", async () => {
    await seed();
    const facts = await nodeFacts(handle.db, ["blobRaw", "derived", "raw", "nobody"]);
    expect(facts.get("blobRaw")).toEqual({
      kind: "blob",
      timestampMs: 70,
      retracted: false,
      tainted: false,
      event: { checkpoint: 7, txDigest: "txW", eventIndex: 3 },
    });
    expect(facts.get("derived")).toMatchObject({ kind: "dataset", retracted: false });
    expect(facts.get("derived")?.event).toEqual({ checkpoint: 10, txDigest: "tx0", eventIndex: 0 });
    expect(facts.get("raw")).toMatchObject({ retracted: true });
    expect(facts.get("nobody")).toEqual({
      kind: null,
      retracted: false,
      tainted: false,
      event: null,
    });
  });

  it("gives lineage with event ids, PROV types and taint, or null for an unknown id", async () => {
    await seed();
    const result = await provLineage(handle.db, "training", {
      direction: "both",
      depth: 1,
      maxNodes: 100,
    });
    expect(result?.nodes).toEqual([
      expect.objectContaining({ id: "training", provType: "activity", tainted: true, depth: 0 }),
      expect.objectContaining({ id: "derived", provType: "entity", tainted: true, depth: 1 }),
      expect.objectContaining({ id: "model", provType: "entity", tainted: true, depth: 1 }),
    ]);
    expect(result?.edges).toContainEqual({
      kind: "used",
      src: "training",
      dst: "derived",
      signed: true,
      enclave: false,
      event: { checkpoint: 15, txDigest: "tx5", eventIndex: 0 },
    });
    const inference = await provLineage(handle.db, "inference", {
      direction: "upstream",
      depth: 1,
      maxNodes: 10,
    });
    expect(inference?.edges).toEqual([
      expect.objectContaining({ kind: "used", signed: true, enclave: true }),
    ]);
    expect(
      await provLineage(handle.db, "nobody", { direction: "both", depth: 3, maxNodes: 10 }),
    ).toBeNull();
  });

  it("walks as the plain recursive definition does, on random graphs with cycles and caps", async () => {
    const random = prng(11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const nodes = Array.from({ length: 30 }, (_, i) => `n${String(i).padStart(2, "0")}`);
    const kinds: NodeKind[] = ["dataset", "model", "blob", "object"];
    // What backs an edge: nothing (null, null), or signed or claimed, by an enclave or a key.
    const backings = [
      [null, null],
      [false, false],
      [true, false],
      [true, true],
    ] as const;
    const edges = Array.from({ length: 70 }, (_, i) => ({
      kind: pick<EdgeKind>(["used", "wasDerivedFrom", "wasGeneratedBy"]),
      src: pick(nodes),
      srcKind: pick(kinds),
      dst: pick(nodes),
      dstKind: pick(kinds),
      network: "testnet",
      ...(([signed, enclave]) => ({ signed, enclave }))(pick(backings)),
      checkpoint: i,
      txDigest: `tx${i}`,
      eventIndex: 0,
    }));
    const retraction = (datasetId: string, checkpoint: number) => ({
      datasetId,
      creator: "alice",
      reason: "withdrawn",
      timestampMs: checkpoint,
      checkpoint,
      txDigest: `txR${checkpoint}`,
      eventIndex: 0,
    });
    // One graph in memory follows the tables from half the edges and a retraction (loaded, then
    // topped up with the rest, which rewrites nodes' rows and taints more), one is loaded from
    // all of them; both answer as SQL does.
    const half = edges.length / 2;
    const commit = (sequenceNumber: number, batch: typeof edges, retracted: string) =>
      commitCheckpoint(
        handle.db,
        "p",
        { sequenceNumber, timestampMs: 0 },
        { edges: batch, datasetRetractions: [retraction(retracted, 100 + sequenceNumber)] },
      );
    await commit(1, edges.slice(0, half), "n03");
    const followed = followGraph(handle.db);
    await followed.loaded;
    await commit(2, edges.slice(half), "n17");
    const loaded = followGraph(handle.db);
    await loaded.loaded;
    let edgesSeen = 0;
    const taintedSeen = new Set<string>();
    const backingsSeen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const start = pick(nodes);
      const options: LineageOptions = {
        direction: pick(["upstream", "downstream", "both"] as const),
        depth: Math.floor(random() * 6),
        maxNodes: 1 + Math.floor(random() * 25),
      };
      const expected = await reference(handle.db, start, options);
      const fromSql = await provLineage(handle.db, start, options);
      for (const [source, live] of [
        ["SQL", undefined],
        ["followed", followed],
        ["loaded", loaded],
      ] as const) {
        const walked = await lineage(handle.db, start, options, live);
        const name = `${source}: ${start} ${JSON.stringify(options)}`;
        expect(
          walked.nodes.map((n) => `${n.id}@${n.depth}:${n.kind}`),
          name,
        ).toEqual(expected.nodes);
        expect(walked.truncated, name).toBe(expected.truncated);
        expect(walked.edges.map(edgeName), `${name}: every edge among the nodes, once`).toEqual(
          expected.edges,
        );
        const prov = await provLineage(handle.db, start, options, live);
        expect(prov, `${name}: the same facts, event ids and taint`).toEqual(fromSql);
        expect(
          prov?.nodes.map((n) => `${n.id}@${n.depth}`),
          name,
        ).toEqual(walked.nodes.map((n) => `${n.id}@${n.depth}`));
        expect(
          prov?.edges.map((e) => edgeName({ ...e, ...e.event })),
          name,
        ).toEqual(expected.edges);
      }
      edgesSeen += expected.edges.length;
      for (const e of fromSql?.edges ?? []) backingsSeen.add(`${e.signed}/${e.enclave}`);
      for (const n of fromSql?.nodes ?? []) if (n.taintedBy) taintedSeen.add(n.taintedBy);
    }
    expect(followed.size, "each edge once").toBe(edges.length);
    expect(edgesSeen, "the walks cover many edges").toBeGreaterThan(100);
    expect(backingsSeen.size, "the walks meet edges of every backing").toBe(backings.length);
    expect(taintedSeen, "the walks meet nodes tainted by either retraction").toEqual(
      new Set(["n03", "n17"]),
    );
  });
});

/**
 * An edge as the reference gives it: `src-kind->dst@checkpoint:signed/enclave` (each test edge
 * has its own checkpoint).
 */
const edgeName = (e: {
  kind: string;
  src: string;
  dst: string;
  checkpoint: number;
  signed: boolean | null;
  enclave: boolean | null;
}) => `${e.src}-${e.kind}->${e.dst}@${e.checkpoint}:${e.signed}/${e.enclave}`;

/**
 * The walk as one plain recursive statement (every path expanded, then each node at its
 * smallest depth with the smallest kind the edges give it there, nearest first, capped): the
 * definition `lineage` must keep, as `id@depth:kind` (start node: its edges' kind or `object`).
 */
async function reference(db: Db, start: string, { direction, depth, maxNodes }: LineageOptions) {
  const result = await db.execute(sql`
    with recursive walk(id, kind, depth) as (
      select ${start}::text, null::text, 0
      union
      select next.id, next.kind, walk.depth + 1
      from walk
      cross join lateral (
        select e.dst as id, e.dst_kind as kind from edges e
        where ${direction !== "downstream"} and e.src = walk.id
        union
        select e.src, e.src_kind from edges e
        where ${direction !== "upstream"} and e.dst = walk.id
      ) next
      where walk.depth < ${depth}
    ),
    nearest as (
      select distinct on (id) id, kind, depth from walk order by id, depth, kind nulls last
    )
    select id, kind, depth, count(*) over () as total
    from nearest order by depth, id limit ${maxNodes}
  `);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    id: string;
    kind: string | null;
    depth: number;
    total: string | number;
  }[];
  const ids = rows.map((r) => r.id);
  const edges = (await db.execute(sql`
    select kind, src, src_kind, dst, dst_kind, checkpoint, signed, enclave from edges
    where src = any(${`{${ids.join(",")}}`}::text[]) and dst = any(${`{${ids.join(",")}}`}::text[])
    order by checkpoint, tx_digest, event_index
  `)) as unknown;
  const kindOf = new Map<string, string>();
  const edgeRows = (Array.isArray(edges) ? edges : (edges as { rows: unknown[] }).rows) as {
    kind: string;
    src: string;
    src_kind: string;
    dst: string;
    dst_kind: string;
    checkpoint: number | string;
    signed: boolean | null;
    enclave: boolean | null;
  }[];
  for (const e of edgeRows) kindOf.set(e.src, e.src_kind).set(e.dst, e.dst_kind);
  return {
    nodes: rows.map((r) => `${r.id}@${Number(r.depth)}:${r.kind ?? kindOf.get(r.id) ?? "object"}`),
    edges: edgeRows.map((e) => edgeName({ ...e, checkpoint: Number(e.checkpoint) })),
    truncated: Number(rows[0]?.total ?? 0) > rows.length,
  };
}

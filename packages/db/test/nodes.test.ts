import type { NodeKind } from "@verity/sdk";
import { prng, shuffled } from "@verity/testing";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { COPY_MIN_ROWS } from "../src/copy.ts";
import {
  commitCheckpoint,
  type EventId,
  edges as edgesTable,
  nodes,
  prepareCommit,
  type Rows,
  recordNodes,
} from "../src/index.ts";
import { drivers, useDatabase } from "./support/databases.ts";
import { runMigrationFile } from "./support/migration-file.ts";
import { readTable } from "./support/read.ts";
import { sampleRows } from "./support/rows.ts";

/** Full rows of every table, to take the columns a test does not care about from. */
const template = sampleRows(1) as Required<Rows>;
const at = (checkpoint: number, txDigest: string, eventIndex = 0): EventId => ({
  checkpoint,
  txDigest,
  eventIndex,
});

const dataset = (datasetId: string, name: string, p: EventId): Rows => ({
  datasets: [{ ...template.datasets[0]!, datasetId, name, timestampMs: 1000 + p.checkpoint, ...p }],
});
const attestation = (attestationId: string, kind: string, p: EventId): Rows => ({
  attestations: [{ ...template.attestations[0]!, attestationId, kind, timestampMs: 7, ...p }],
});
const policy = (policyId: string, name: string | null, p: EventId): Rows => ({
  policies: [{ ...template.policies[0]!, policyId, kind: "allowlist", name, timestampMs: 8, ...p }],
});
const blobEvent = (blobId: string, p: EventId): Rows => ({
  walrusBlobEvents: [{ ...template.walrusBlobEvents[0]!, blobId, timestampMs: 9, ...p }],
});
const edge = (
  src: string,
  srcKind: NodeKind,
  dst: string,
  dstKind: NodeKind,
  p: EventId,
): Rows => ({
  edges: [{ kind: "used", src, srcKind, dst, dstKind, network: "testnet", ...p }],
});

/** The rows of several `Rows`, concatenated per table. */
const merged = (...all: Rows[]): Rows => {
  const out: Record<string, object[]> = {};
  for (const rows of all) {
    for (const [name, list] of Object.entries(rows)) out[name] = [...(out[name] ?? []), ...list];
  }
  return out as Rows;
};

/**
 * Random facts about 12 ids: entity rows (one table per id), Walrus blob events, and edges with
 * typed and `object` ends, on event ids that often tie on checkpoint and differ by digest case
 * (byte order and a linguistic collation disagree on `B` and `a`). Each event has its own
 * (digest, index), as on chain.
 */
function randomFacts(seed: number): Rows[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const ids = Array.from({ length: 10 }, (_, i) => `n${i}`);
  let event = 0;
  const eventId = () => at(pick([1, 2, 3]), pick(["A", "B", "a", "b"]), event++);
  const facts: Rows[] = [];
  for (const id of ids.slice(0, 3)) facts.push(dataset(id, `name of ${id}`, eventId()));
  facts.push(attestation("n3", "training", eventId()));
  facts.push(policy("n4", null, eventId()));
  for (let i = 0; i < 8; i++) facts.push(blobEvent(pick(ids.slice(3, 8)), eventId()));
  const kinds: NodeKind[] = ["dataset", "model", "blob", "agent", "object"];
  for (let i = 0; i < 30; i++) {
    facts.push(edge(pick(ids), pick(kinds), pick(ids), pick(kinds), eventId()));
  }
  // inputs whose kind no event gives
  for (const unknown of ["u0", "u1", "u0"]) {
    facts.push(edge(pick(ids), pick(kinds), unknown, "object", eventId()));
  }
  return facts;
}

describe.each(drivers)("nodes ($name)", (driver) => {
  const handle = useDatabase(driver);
  let checkpoint = 0;
  const commit = (rows: Rows) =>
    commitCheckpoint(handle.db, "p", { sequenceNumber: checkpoint++, timestampMs: 0 }, rows);
  const table = () => readTable(handle.db, nodes);
  /** What the backfill migration computes from the tables as they are now. */
  const backfilled = async () => {
    const rows = await table();
    await handle.db.execute(sql`truncate table nodes`);
    await runMigrationFile(handle.db, "0006_backfill_nodes.sql");
    const filled = await table();
    await handle.db.execute(sql`truncate table nodes`);
    if (rows.length > 0) await handle.db.insert(nodes).values(rows);
    return filled;
  };

  it("describes a node by its entity row, else its first blob event, else its first typed edge, else its first edge", async () => {
    await commit(
      merged(
        edge("d", "object", "b", "blob", at(1, "T")),
        edge("d", "dataset", "x", "object", at(2, "T")),
        dataset("d", "penguins", at(5, "R")),
        blobEvent("b", at(4, "W", 1)),
        blobEvent("b", at(4, "W", 0)),
        edge("x", "object", "agent0", "agent", at(3, "B")),
        edge("x", "object", "agent0", "agent", at(3, "a")),
        attestation("t", "transform", at(6, "S")),
        policy("p", null, at(7, "P")),
      ),
    );
    expect(await table()).toEqual([
      {
        nodeId: "agent0",
        kind: "agent",
        subkind: null,
        label: null,
        timestampMs: null,
        source: 2,
        taintedBy: null,
        ...at(3, "B"),
      },
      {
        nodeId: "b",
        kind: "blob",
        subkind: null,
        label: null,
        timestampMs: 9,
        source: 1,
        taintedBy: null,
        ...at(4, "W", 0),
      },
      {
        nodeId: "d",
        kind: "dataset",
        subkind: null,
        label: "penguins",
        timestampMs: 1005,
        source: 0,
        taintedBy: null,
        ...at(5, "R"),
      },
      {
        nodeId: "p",
        kind: "policy",
        subkind: "allowlist",
        label: null,
        timestampMs: 8,
        source: 0,
        taintedBy: null,
        ...at(7, "P"),
      },
      {
        nodeId: "t",
        kind: "attestation",
        subkind: "transform",
        label: null,
        timestampMs: 7,
        source: 0,
        taintedBy: null,
        ...at(6, "S"),
      },
      {
        nodeId: "x",
        kind: "object",
        subkind: null,
        label: null,
        timestampMs: null,
        source: 3,
        taintedBy: null,
        ...at(2, "T"),
      },
    ]);
  });

  it("replaces a node's row only with a better fact, whichever batch brings it first", async () => {
    await commit(edge("d", "object", "b", "blob", at(1, "T")));
    expect((await table()).find((n) => n.nodeId === "d")).toMatchObject({
      kind: "object",
      source: 3,
    });
    await commit(edge("d", "dataset", "b", "blob", at(9, "T")));
    expect((await table()).find((n) => n.nodeId === "d")).toMatchObject({
      kind: "dataset",
      source: 2,
    });
    await commit(dataset("d", "penguins", at(8, "R")));
    await commit(edge("d", "dataset", "b", "blob", at(0, "T")));
    await commit(blobEvent("b", at(5, "W")));
    expect(await table()).toEqual(await backfilled());
    expect((await table()).map((n) => `${n.nodeId}:${n.kind}:${n.source}@${n.checkpoint}`)).toEqual(
      ["b:blob:1@5", "d:dataset:0@8"],
    );
  });

  it("gives a dataset retracted before its registration a row, which the registration then describes, keeping the taint", async () => {
    const retraction: Rows = {
      datasetRetractions: [
        { ...template.datasetRetractions[0]!, datasetId: "d", timestampMs: 9, ...at(7, "X") },
      ],
    };
    await commit(retraction);
    expect(await table()).toMatchObject([
      { nodeId: "d", kind: "dataset", source: 2, checkpoint: 7, txDigest: "X", taintedBy: "d" },
    ]);
    await commit(dataset("d", "penguins", at(3, "R")));
    expect(await table()).toMatchObject([
      { nodeId: "d", kind: "dataset", label: "penguins", source: 0, checkpoint: 3, taintedBy: "d" },
    ]);
    checkpoint = 0;
    await commit(retraction);
    expect((await table())[0]).toMatchObject({ source: 0, taintedBy: "d" });
  });

  it(`ends as the backfill migration computes from batches of ${COPY_MIN_ROWS} nodes and more (staged by COPY on PostgreSQL), in either order`, async () => {
    const ids = Array.from({ length: 2 * COPY_MIN_ROWS }, (_, i) => `m${i}`);
    // Edges name every id (typed or `object` ends); entity rows and blob events describe some.
    const edges = merged(
      ...ids.map((id, i) =>
        edge(id, i % 3 ? "dataset" : "object", `m${(i + 1) % ids.length}`, "blob", at(5, "E", i)),
      ),
    );
    const described = merged(
      ...ids
        .filter((_, i) => i % 2 === 0)
        .map((id, i) => dataset(id, `name of ${id}`, at(7, "D", i))),
      ...ids.filter((_, i) => i % 4 === 1).map((id, i) => blobEvent(id, at(3, "W", i))),
    );
    const results = [];
    for (const order of [
      [edges, described],
      [described, edges],
    ]) {
      await handle.db.execute(
        sql`truncate table nodes, datasets, walrus_blob_events, edges, watermarks`,
      );
      checkpoint = 0;
      for (const batch of order) await commit(batch);
      const rows = await table();
      expect(rows).toHaveLength(ids.length);
      expect(rows).toEqual(await backfilled());
      results.push(rows);
    }
    expect(results[1]).toEqual(results[0]);
    expect(new Set(results[0]?.map((n) => n.source))).toEqual(new Set([0, 1, 2]));
  });

  it("takes the nodes prepareCommit worked out for the batch, the same as worked out in it", async () => {
    await handle.db.execute(sql`truncate table nodes, datasets, edges, watermarks`);
    const ids = Array.from({ length: 2 * COPY_MIN_ROWS }, (_, i) => `p${i}`);
    const batch = merged(
      ...ids.map((id, i) => edge(id, "object", `p${(i + 7) % ids.length}`, "blob", at(4, "P", i))),
      ...ids
        .filter((_, i) => i % 3 === 0)
        .map((id, i) => dataset(id, `name of ${id}`, at(4, "Q", i))),
    );
    await prepareCommit(batch);
    checkpoint = 0;
    await commit(batch);
    expect(await table()).toHaveLength(ids.length);
    expect(await table()).toEqual(await backfilled());
  });

  it("records the nodes of rows loaded around the write path, outside a transaction", async () => {
    await handle.db.execute(sql`truncate table nodes, edges, watermarks`);
    const ids = Array.from({ length: 2 * COPY_MIN_ROWS }, (_, i) => `o${i}`);
    const rows = merged(...ids.map((id, i) => edge(id, "dataset", "o0", "blob", at(2, "X", i))));
    await handle.db.insert(edgesTable).values(rows.edges!);
    await recordNodes(handle.db, new Map([["edges", rows.edges!]]));
    expect(await table()).toHaveLength(ids.length);
    expect(await table()).toEqual(await backfilled());
  });

  for (const seed of [1, 2, 3, 4]) {
    it(`ends as the backfill migration computes, whatever the batches and their order (seed ${seed})`, async () => {
      const facts = randomFacts(seed);
      const results = [];
      for (const order of [facts, shuffled(facts, seed), [...facts].reverse()]) {
        await handle.db.execute(
          sql`truncate table nodes, datasets, attestations, policies, walrus_blob_events, edges, watermarks`,
        );
        checkpoint = 0;
        for (let i = 0; i < order.length; i += 7) await commit(merged(...order.slice(i, i + 7)));
        const rows = await table();
        expect(rows).toEqual(await backfilled());
        results.push(rows);
      }
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
      expect(new Set(results[0]?.map((n) => n.source)).size, "every source occurs").toBe(4);
      // committing everything again changes nothing
      checkpoint = 0;
      await commit(merged(...facts));
      expect(await table()).toEqual(results[2]);
    });
  }
});

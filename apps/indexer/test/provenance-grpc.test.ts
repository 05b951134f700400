/**
 * The provenance pipeline end to end over the wire: a scenario of sdk-encoded events, served by
 * the gRPC full-node double, indexed into the real PostgreSQL server. Every fault kind must give
 * the same tables as a run without faults, and those tables must hold the scenario's rows.
 */
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { openDatabase } from "@verity/db";
import type { Fault } from "@verity/test-scenarios";
import {
  NODE_METHODS,
  PER_STORY,
  provenanceScenario,
  startSuiNodeDouble,
} from "@verity/test-scenarios";
import { createPostgresDatabase } from "@verity/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseStore } from "../src/db-store.ts";
import { runIndexer } from "../src/indexer.ts";
import { appendRows, type Rows } from "../src/pipelines/processor.ts";
import { provenanceProcessor } from "../src/pipelines/provenance/processor.ts";
import { GrpcCheckpointSource } from "../src/sources/grpc/source.ts";
import { expectedAll, readAll } from "./support/tables.ts";

const PKG = normalizeSuiAddress("0x7e57");
const STORIES = 40;
const scenario = provenanceScenario(PKG, STORIES, 1000);
const LAST = 1000n + BigInt(STORIES - 1);
const processor = () => provenanceProcessor({ network: "localnet", packageIds: [PKG] });

/**
 * `rows` (a run of checkpoints' rows, in chain order) as the write path keeps them: each dataset
 * with the terms of its last `DatasetTermsSet`, if any (`recordDatasetTerms`).
 */
function asKept(rows: Rows): Rows {
  const newest = new Map((rows.datasetTermsChanges ?? []).map((c) => [c.datasetId, c.terms]));
  return {
    ...rows,
    datasets: rows.datasets?.map((d) => ({ ...d, terms: newest.get(d.datasetId) ?? d.terms })),
  };
}

/** Indexes the scenario from a fresh double (with `faults` planned) into a fresh database. */
async function indexOverGrpc(plan: (node: Awaited<ReturnType<typeof startSuiNodeDouble>>) => void) {
  const node = await startSuiNodeDouble(scenario.slice(0, 25), { upcoming: scenario.slice(25) });
  plan(node);
  const target = await createPostgresDatabase();
  const database = await openDatabase({ url: target.url });
  try {
    await runIndexer({
      source: new GrpcCheckpointSource({
        url: node.url,
        requestTimeoutMs: 300,
        idleTimeoutMs: 300,
        backoff: { initialMs: 5, maxMs: 50 },
      }),
      store: databaseStore(database.db),
      processors: [processor()],
      firstCheckpoint: 1000n,
      lastCheckpoint: LAST,
      batchCheckpoints: 7,
    });
    return { tables: await readAll(database.db), faults: node.faults.injected.length };
  } finally {
    await database.close();
    await target.drop();
    await node.close();
  }
}

describe("the provenance scenario over gRPC into PostgreSQL", () => {
  let reference: Awaited<ReturnType<typeof readAll>>;
  beforeAll(async () => {
    reference = (await indexOverGrpc(() => {})).tables;
  });

  it("gives the scenario's rows and edges, with their event ids", () => {
    const rows: Rows = {};
    for (const checkpoint of scenario) appendRows(rows, processor().process(checkpoint).rows);
    expect(reference).toEqual(expectedAll(asKept(rows)));
    expect(reference.datasetTermsChanges).toHaveLength(STORIES / 10);
    expect(reference.enclaveConfigs).toHaveLength(1);
    const backings = (reference.edges as { signed: boolean | null; enclave: boolean | null }[]).map(
      (e) => `${e.signed}/${e.enclave}`,
    );
    // unbacked, claimed (self-recorded transforms), signed by the enclave attester
    expect(new Set(backings)).toEqual(new Set(["null/null", "false/false", "true/true"]));
    expect(reference.datasets).toHaveLength(STORIES * PER_STORY.datasets);
    expect(reference.attestations).toHaveLength(STORIES * PER_STORY.attestations);
    expect(reference.models).toHaveLength(STORIES * PER_STORY.models);
    expect(reference.inferences).toHaveLength(STORIES * PER_STORY.inferences);
    expect(reference.edges).toHaveLength(STORIES * PER_STORY.edges);
    expect(reference.datasetRetractions).toHaveLength(STORIES / 10);
    expect(reference.attesters).toHaveLength(1);
    expect(reference.quarantine).toEqual([]);
    const edge = reference.edges.find(
      (e) => (e as { kind: string }).kind === "wasDerivedFrom",
    ) as Record<string, unknown>;
    expect(edge).toMatchObject({
      srcKind: expect.any(String),
      dstKind: "dataset",
      txDigest: expect.stringMatching(/^tx-/),
    });
    expect(edge.checkpoint).toBeGreaterThanOrEqual(1000);
  });

  const cases: [string, Fault][] = [
    ["UNAVAILABLE", { kind: "status", code: "UNAVAILABLE" }],
    ["delays", { kind: "delay", ms: 1000 }],
    ["streams the node ends", { kind: "end", after: 2 }],
    ["responses dropped without trailers", { kind: "drop", after: 2 }],
    ["truncated responses", { kind: "truncate", after: 2 }],
    ["reset connections", { kind: "reset", after: 2 }],
  ];
  it.each(cases)("gives the same tables despite %s", async (_, fault) => {
    const { tables, faults } = await indexOverGrpc((node) => {
      node.faults.failNext(NODE_METHODS.getServiceInfo, fault);
      node.faults.failNext(NODE_METHODS.getCheckpoint, fault, 3);
      node.faults.failNext(NODE_METHODS.subscribeCheckpoints, fault, 2);
    });
    expect(faults).toBeGreaterThanOrEqual(5);
    expect(tables).toEqual(reference);
  });

  it("gives the same tables under a seeded mix of every fault on every call", async () => {
    const { tables, faults } = await indexOverGrpc((node) =>
      node.faults.chaos({
        seed: 42,
        rate: 0.25,
        methods: Object.values(NODE_METHODS),
        faults: [
          { kind: "status", code: "UNAVAILABLE" },
          { kind: "delay", ms: 1000 },
          ...(["end", "drop", "truncate", "reset"] as const).map((kind) => ({ kind, after: 1 })),
        ],
      }),
    );
    expect(faults).toBeGreaterThan(5);
    expect(tables).toEqual(reference);
  });
});

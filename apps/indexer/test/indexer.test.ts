/** The runner against the real PostgreSQL server, with in-memory sources (no network). */
import { setTimeout as sleep } from "node:timers/promises";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import type { Checkpoint, CheckpointSource } from "@verity/checkpoints";
import {
  type Database,
  followGraph,
  getAttestation,
  getDataset,
  getEnclaveConfig,
  getInference,
  getModel,
  lineage,
  openDatabase,
  quarantine,
  readWatermark,
} from "@verity/db";
import { dataset, enclave, termsToBcs, walrusEvents } from "@verity/sdk";
import {
  checkpoint,
  ENCLAVE_CONFIG,
  event,
  provenanceScenario,
  rawTerms,
  storyIds,
  storySha256,
  tightenedTerms,
} from "@verity/test-scenarios";
import { createPostgresDatabase } from "@verity/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { databaseStore } from "../src/db-store.ts";
import { runIndexer } from "../src/indexer.ts";
import { indexerMetrics } from "../src/metrics.ts";
import { serveMetrics } from "../src/metrics-server.ts";
import { provenanceProcessor } from "../src/pipelines/provenance/processor.ts";
import { walrusProcessor } from "../src/pipelines/walrus/processor.ts";
import type { Store } from "../src/store.ts";

const PKG = normalizeSuiAddress("0x1dea");
const provenance = () => provenanceProcessor({ network: "localnet", packageIds: [PKG] });
const walrus = () =>
  walrusProcessor({ network: "testnet", packageId: walrusEvents.WALRUS_PACKAGE_IDS.testnet });

/** A source over a list, optionally pausing before checkpoint `pauseAt`. */
function listSource(
  checkpoints: Checkpoint[],
  pause?: { at: bigint; ms: number },
): CheckpointSource & { requestedFrom: bigint[] } {
  const requestedFrom: bigint[] = [];
  return {
    description: "list",
    requestedFrom,
    async *stream(from, options) {
      requestedFrom.push(from);
      for (const c of checkpoints) {
        if (c.sequenceNumber < from) continue;
        if (options?.to !== undefined && c.sequenceNumber > options.to) return;
        if (pause && c.sequenceNumber === pause.at) await sleep(pause.ms);
        yield c;
      }
    },
  };
}

let target: Awaited<ReturnType<typeof createPostgresDatabase>>;
let database: Database;
beforeEach(async () => {
  target = await createPostgresDatabase();
  database = await openDatabase({ url: target.url });
});
afterEach(async () => {
  await database.close();
  await target.drop();
});

describe("runIndexer", () => {
  it("commits quarantined events with their event id and still moves the watermark", async () => {
    const bad = checkpoint(7, [
      [event(PKG, "dataset", "DatasetRegistered", new Uint8Array([1, 2, 3]))],
    ]);
    await runIndexer({
      source: listSource([bad]),
      store: databaseStore(database.db),
      processors: [provenance()],
      firstCheckpoint: 0n,
    });
    expect(await database.db.select().from(quarantine)).toEqual([
      expect.objectContaining({
        pipeline: "provenance",
        checkpoint: 7,
        txDigest: "tx-7-0",
        eventIndex: 0,
        contents: new Uint8Array([1, 2, 3]),
      }),
    ]);
    expect(await readWatermark(database.db, "provenance")).toBe(7);
  });

  it("resumes each pipeline at its own watermark + 1, ignoring firstCheckpoint once it has one", async () => {
    const scenario = provenanceScenario(PKG, 10, 100);
    const store = databaseStore(database.db);
    await runIndexer({
      source: listSource(scenario),
      store,
      processors: [provenance()],
      firstCheckpoint: 100n,
      lastCheckpoint: 104n,
    });
    expect(await readWatermark(database.db, "provenance")).toBe(104);
    const source = listSource(scenario);
    const result = await runIndexer({
      source,
      store,
      processors: [provenance(), walrus()],
      firstCheckpoint: 102n,
    });
    expect(source.requestedFrom).toEqual([102n]);
    expect(result.get("provenance")).toBe(109n);
    expect(result.get("walrus")).toBe(109n);
  });

  it("returns at once when every pipeline is past lastCheckpoint", async () => {
    const store = databaseStore(database.db);
    const scenario = provenanceScenario(PKG, 3, 100);
    await runIndexer({
      source: listSource(scenario),
      store,
      processors: [provenance()],
      firstCheckpoint: 100n,
    });
    const source = listSource(scenario);
    await runIndexer({ source, store, processors: [provenance()], lastCheckpoint: 101n });
    expect(source.requestedFrom).toEqual([]);
  });

  it("refuses to start a pipeline without a watermark unless told where", async () => {
    await expect(
      runIndexer({
        source: listSource([]),
        store: databaseStore(database.db),
        processors: [provenance()],
      }),
    ).rejects.toThrow(/provenance pipeline has no watermark yet.*--first-checkpoint/);
  });

  it("commits a partial batch when the source goes idle, not only when the batch is full", async () => {
    const scenario = provenanceScenario(PKG, 4, 100);
    const run = runIndexer({
      source: listSource(scenario, { at: 102n, ms: 1500 }),
      store: databaseStore(database.db),
      processors: [provenance()],
      firstCheckpoint: 100n,
      batchCheckpoints: 100,
      batchDelayMs: 200,
    });
    await sleep(900);
    expect(await readWatermark(database.db, "provenance")).toBe(101);
    await run;
    expect(await readWatermark(database.db, "provenance")).toBe(103);
  });

  it("commits a batch a fifth of batchDelayMs old when no commit is in flight", async () => {
    const scenario = provenanceScenario(PKG, 12, 100);
    const paced: CheckpointSource = {
      description: "paced",
      async *stream(from) {
        for (const c of scenario) {
          if (c.sequenceNumber < from) continue;
          await sleep(50);
          yield c;
        }
      },
    };
    const start = performance.now();
    const commits: { last: bigint; atMs: number }[] = [];
    const store: Store = {
      readWatermark: async () => undefined,
      async commit(_pipeline, batch) {
        commits.push({ last: batch.last.sequenceNumber, atMs: performance.now() - start });
        return undefined;
      },
    };
    await runIndexer({
      source: paced,
      store,
      processors: [provenance()],
      firstCheckpoint: 100n,
      batchDelayMs: 1000,
    });
    // the first batch goes at ~200 ms (checkpoints 100-103), not at 1000 ms or the end (~600 ms)
    expect(commits[0]!.atMs).toBeLessThan(450);
    expect(commits[0]!.last).toBeLessThan(106n);
    expect(commits.at(-1)!.last).toBe(111n);
  });

  it("reads on while one batch waits behind the commit in flight, and commits in order", async () => {
    const scenario = provenanceScenario(PKG, 10, 100);
    let read = 0n;
    const list = listSource(scenario);
    const source: CheckpointSource = {
      description: "list",
      async *stream(from, options) {
        for await (const c of list.stream(from, options)) {
          read = c.sequenceNumber;
          yield c;
        }
      },
    };
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const committed: bigint[] = [];
    const store: Store = {
      readWatermark: async () => undefined,
      async commit(_pipeline, batch) {
        await gate;
        committed.push(batch.last.sequenceNumber);
        return undefined;
      },
    };
    const run = runIndexer({
      source,
      store,
      processors: [provenance()],
      firstCheckpoint: 100n,
      batchCheckpoints: 2,
    });
    await sleep(300);
    // 100-101 committing, 102-103 waiting its turn, 104-105 read and waiting to queue
    expect(read).toBe(105n);
    expect(committed).toEqual([]);
    open();
    await run;
    expect(committed).toEqual([101n, 103n, 105n, 107n, 109n]);
  });

  it("indexes terms and their tightening, signed or claimed lineage, enclaves, a config's retirement and blob digests", async () => {
    const raw0 = storyIds(0).raw;
    // raw-0's creator publishes a new version of it without a derivation (`publish_version`).
    const version = normalizeSuiAddress("0x7e5");
    const published = dataset.DatasetRegistered.serialize({
      dataset_id: version,
      creator: normalizeSuiAddress("0xc0"),
      name: "raw-0",
      blob_id: 77n,
      sha256: Array<number>(32).fill(7),
      size: 1001,
      media_type: "text/csv",
      license: "CC-BY-4.0",
      terms: termsToBcs(rawTerms(0)),
      policy: null,
      parents: [],
      transform: null,
      lineage_signed: false,
      previous: raw0,
      revision: 2,
      timestamp_ms: 1_700_000_100_000,
    });
    // The admin retires the enclave image the scenario's attester was registered against.
    const admin = normalizeSuiAddress("0xad");
    const retired = enclave.EnclaveConfigRetired.serialize({
      config_id: ENCLAVE_CONFIG,
      admin,
      timestamp_ms: 1_700_000_200_000,
    });
    await runIndexer({
      source: listSource([
        ...provenanceScenario(PKG, 10, 100),
        checkpoint(110, [[event(PKG, "dataset", "DatasetRegistered", published.toBytes())]]),
        checkpoint(111, [[], [event(PKG, "enclave", "EnclaveConfigRetired", retired.toBytes())]]),
      ]),
      store: databaseStore(database.db),
      processors: [provenance()],
      firstCheckpoint: 100n,
    });
    const db = database.db;
    expect(await getDataset(db, storyIds(8).raw)).toMatchObject({
      terms: rawTerms(8),
      termsChanges: [],
    });
    const tightened = await getDataset(db, storyIds(9).raw);
    expect(tightened).toMatchObject({ terms: tightenedTerms(9), retracted: true });
    expect(tightened?.termsChanges.map((c) => c.terms)).toEqual([tightenedTerms(9)]);
    expect(await getDataset(db, version)).toMatchObject({
      previousId: raw0,
      parents: [],
      transformId: null,
      lineageSigned: false,
    });
    // Story 1's transform is self-recorded, story 0's signed by the enclave attester.
    expect((await getDataset(db, storyIds(0).derived))?.lineageSigned).toBe(true);
    expect((await getDataset(db, storyIds(1).derived))?.lineageSigned).toBe(false);
    expect(await getModel(db, storyIds(3).model)).toMatchObject({
      generative: true,
      lineageSigned: true,
      constraints: [
        { dataset: storyIds(3).derived, constraints: ["attribution", "no style imitation"] },
      ],
    });
    expect((await getModel(db, storyIds(2).model))?.constraints).toEqual([]);
    expect(await getAttestation(db, storyIds(0).transform)).toMatchObject({
      signed: true,
      enclave: true,
      inputSha256s: [storySha256("raw", 0)],
      outputSha256s: [storySha256("derived", 0)],
    });
    expect(await getAttestation(db, storyIds(1).transform)).toMatchObject({
      signed: false,
      enclave: false,
    });
    expect((await getInference(db, storyIds(0).inference))?.enclave).toBe(true);
    expect((await getEnclaveConfig(db, ENCLAVE_CONFIG))?.retirement).toEqual({
      admin,
      timestampMs: 1_700_000_200_000,
      event: { checkpoint: 111, txDigest: "tx-111-1", eventIndex: 0, objectId: ENCLAVE_CONFIG },
    });

    // What backs each edge, the same from SQL and from the graph in memory.
    const live = followGraph(db);
    await live.loaded;
    const options = { direction: "both", depth: 1, maxNodes: 100 } as const;
    for (const [i, signed] of [
      [0, true],
      [1, false],
    ] as const) {
      const { derived, transform } = storyIds(i);
      const fromSql = await lineage(db, derived, options);
      expect(await lineage(db, derived, options, live)).toEqual(fromSql);
      const backing = (kind: string, dst: string) =>
        fromSql.edges
          .filter((e) => e.src === derived && e.kind === kind && e.dst === dst)
          .map((e) => [e.signed, e.enclave]);
      expect(backing("wasDerivedFrom", storyIds(i).raw)).toEqual([[signed, signed]]);
      expect(backing("wasGeneratedBy", transform)).toEqual([[signed, signed]]);
      expect(
        fromSql.edges.filter((e) => e.kind === "storedAs").map((e) => [e.signed, e.enclave]),
      ).toEqual([[null, null]]);
    }
    const versionLineage = await lineage(db, version, options, live);
    expect(versionLineage.edges.map((e) => [e.kind, e.signed, e.enclave])).toEqual([
      ["storedAs", null, null],
      ["wasAttributedTo", null, null],
      ["wasRevisionOf", null, null],
    ]);
  });

  it("exposes its progress as Prometheus metrics over HTTP", async () => {
    const metrics = indexerMetrics();
    const server = await serveMetrics(metrics.registry, 0);
    try {
      await runIndexer({
        source: listSource(provenanceScenario(PKG, 5, 100)),
        store: databaseStore(database.db),
        processors: [provenance()],
        firstCheckpoint: 100n,
        metrics,
      });
      const { port } = server.address() as { port: number };
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toMatch(/^verity_indexer_watermark\{pipeline="provenance"\} 104$/m);
      expect(text).toMatch(/^verity_indexer_latest_checkpoint 104$/m);
      expect(text).toMatch(/^verity_indexer_checkpoints_total 5$/m);
      expect(text).toMatch(
        /^verity_indexer_rows_committed_total\{pipeline="provenance",table="edges"\} 135$/m,
      );
      expect(text).toMatch(/^verity_indexer_lag_ms\{pipeline="provenance"\} \d+/m);
      expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});

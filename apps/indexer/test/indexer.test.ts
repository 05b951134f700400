/** The runner against the real PostgreSQL server, with in-memory sources (no network). */
import { setTimeout as sleep } from "node:timers/promises";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { type Database, openDatabase, quarantine, readWatermark } from "@verity/db";
import { walrusEvents } from "@verity/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../../../packages/db/test/support/databases.ts";
import type { Checkpoint, CheckpointSource } from "../src/checkpoint.ts";
import { databaseStore } from "../src/db-store.ts";
import { runIndexer } from "../src/indexer.ts";
import { indexerMetrics } from "../src/metrics.ts";
import { serveMetrics } from "../src/metrics-server.ts";
import { provenanceProcessor } from "../src/pipelines/provenance/processor.ts";
import { walrusProcessor } from "../src/pipelines/walrus/processor.ts";
import { checkpoint, event } from "./support/checkpoints.ts";
import { provenanceScenario } from "./support/provenance-scenario.ts";

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
  it("commits quarantined events with their proof handle and still moves the watermark", async () => {
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

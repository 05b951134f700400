/**
 * `verity index --verify-certificates` for real: checkpoint directories indexed into PostgreSQL
 * with every certificate checked on the verifying thread, against real mainnet certificates (the
 * committee of epoch 189 that mainnet 15918264 names, which certifies 16005062, the last
 * checkpoint of epoch 189) and against test committees certifying real testnet checkpoints
 * under new numbers, to follow the chain across epochs.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { committeeToBcs, decodeCertifiedSummary, nextCommittee } from "@verity/checkpoints";
import { committees, openDatabase, walrusBlobEvents, watermarks } from "@verity/db";
import { certifiedFile, checkpoint, testCommittee } from "@verity/test-scenarios";
import { createPostgresDatabase, fixturePath, readFixture, SUI_CHECKPOINTS } from "@verity/testing";
import pino from "pino";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { CertificateVerifier, type CommitteeStore } from "../src/certificates/verifier.ts";
import { runIndexer } from "../src/indexer.ts";
import { type IndexRun, indexCommand } from "../src/run.ts";

const silent = pino({ level: "silent" });
/** Names the committee of epoch 189 in its end-of-epoch data. */
const ANCHOR_189 = fixturePath("mainnet", 15918264);
const LAST_OF_189 = readFixture("mainnet", 16005062);

const directories: string[] = [];
afterAll(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory holding `files` (name -> bytes), removed after the file's cases. */
function directory(files: Record<string, Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "verity-certified-"));
  directories.push(dir);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

let drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops) await drop();
  drops = [];
});

/** A fresh database, `index` into it with certificates verified, and what it then holds. */
async function freshIndex(network: string) {
  const { url, drop } = await createPostgresDatabase();
  drops.push(drop);
  const index = (run: Partial<IndexRun>) =>
    indexCommand({
      network,
      pipelines: ["walrus"],
      verifyCertificates: true,
      databaseUrl: url,
      logger: silent,
      ...run,
    });
  const read = async () => {
    const { db, close } = await openDatabase({ url });
    try {
      return {
        committees: await db
          .select({
            network: committees.network,
            epoch: committees.epoch,
            establishedBy: committees.establishedBy,
          })
          .from(committees)
          .then((rows) => rows.sort((a, b) => a.epoch - b.epoch)),
        committee190: (await db.select().from(committees)).find((c) => c.epoch === 190)?.committee,
        watermarks: Object.fromEntries(
          (await db.select().from(watermarks)).map((w) => [w.pipeline, w.checkpoint]),
        ),
        walrusEvents: (await db.select().from(walrusBlobEvents)).map((e) => e.checkpoint).sort(),
      };
    } finally {
      await close();
    }
  };
  return { index, read };
}

describe("indexing real mainnet checkpoints with their certificates verified", () => {
  it("verifies 16005062 against the committee 15918264 names, keeps the chain to epoch 190, and reuses it after a restart", async () => {
    const { index, read } = await freshIndex("mainnet");
    const dir = directory({ "16005062.chk": LAST_OF_189 });
    expect((await index({ checkpoints: dir, committee: ANCHOR_189 })).get("walrus")).toBe(
      16005062n,
    );
    const after = await read();
    expect(after.committees).toEqual([
      { network: "mainnet", epoch: 189, establishedBy: null },
      { network: "mainnet", epoch: 190, establishedBy: 16005062 },
    ]);
    expect(after.committee190).toEqual(
      committeeToBcs(nextCommittee(decodeCertifiedSummary(LAST_OF_189))),
    );

    // Another pipeline reads 16005062 again: verified with the database's committee alone.
    const provenance = { pipelines: ["provenance" as const], packageIds: ["0x1"] };
    expect((await index({ checkpoints: dir, ...provenance })).get("provenance")).toBe(16005062n);
    expect((await read()).watermarks).toEqual({ walrus: 16005062, provenance: 16005062 });

    // A pinned committee of epoch 189 other than the stored one is refused.
    const other = directory({ "committee.bcs": testCommittee(189n).bcs });
    await expect(
      index({ checkpoints: dir, committee: join(other, "committee.bcs") }),
    ).rejects.toThrow(
      "--committee names a committee of epoch 189 other than the one the database holds for that epoch",
    );
  });

  it("stops at a summary with one byte changed, naming the check, and commits nothing of it", async () => {
    const { index, read } = await freshIndex("mainnet");
    const tampered = Uint8Array.from(LAST_OF_189);
    tampered[1 + 16] = (tampered[1 + 16] as number) ^ 1; // network_total_transactions
    const dir = directory({ "16005062.chk": tampered });
    await expect(index({ checkpoints: dir, committee: ANCHOR_189 })).rejects.toThrow(
      "checkpoint 16005062 not verified (certificate): the aggregate signature of 61 signers does not verify over checkpoint 16005062's summary",
    );
    expect(await read()).toMatchObject({
      committees: [{ epoch: 189, establishedBy: null }],
      watermarks: {},
    });
  });

  it("says which epoch has no committee, and how to get one", async () => {
    const { index, read } = await freshIndex("mainnet");
    const dir = directory({ "16005062.chk": LAST_OF_189 });
    const missing =
      "checkpoint 16005062 not verified (committee): no committee for epoch 189: pin one with --committee, or index from the last checkpoint of epoch 188";
    await expect(index({ checkpoints: dir })).rejects.toThrow(missing);
    // A committee of another epoch (the light client's test network, epoch 0) does not help.
    const epoch0 = join(SUI_CHECKPOINTS, "..", "light-client", "ocs", "committee.bcs");
    await expect(index({ checkpoints: dir, committee: epoch0 })).rejects.toThrow(missing);
    expect(await read()).toMatchObject({ committees: [{ epoch: 0 }], watermarks: {} });
  });
});

describe("indexing checkpoints certified by test committees", () => {
  const epoch5 = testCommittee(5n, { label: "epoch 5" });
  const epoch6 = testCommittee(6n, { label: "epoch 6" });
  const forger = testCommittee(5n, { label: "not epoch 5" });
  /** Real testnet checkpoints holding Walrus events, certified as checkpoint 100, 101, … */
  const testnet = [248050771, 248054311, 258579946, 273995602].map((n) =>
    readFixture("testnet", n),
  );
  const anchor = directory({ "committee.bcs": epoch5.bcs });

  it("follows the chain into the next epoch, and resumes from the stored chain after a restart", async () => {
    const { index, read } = await freshIndex("testnet");
    const files = {
      "100.chk": certifiedFile(testnet[0]!, epoch5, { sequenceNumber: 100n }),
      "101.chk": certifiedFile(testnet[1]!, epoch5, {
        sequenceNumber: 101n,
        nextCommittee: epoch6.committee,
      }),
    };
    const dir = directory(files);
    const committee = join(anchor, "committee.bcs");
    expect((await index({ checkpoints: dir, committee })).get("walrus")).toBe(101n);
    expect((await read()).committees).toEqual([
      { network: "testnet", epoch: 5, establishedBy: null },
      { network: "testnet", epoch: 6, establishedBy: 101 },
    ]);

    writeFileSync(
      join(dir, "102.chk"),
      certifiedFile(testnet[2]!, epoch6, { sequenceNumber: 102n }),
    );
    expect((await index({ checkpoints: dir })).get("walrus")).toBe(102n);
    expect((await read()).walrusEvents).toEqual([100, 101, 102]);
  });

  it("commits the whole batches before a forged checkpoint, and nothing from its batch on", async () => {
    const { index, read } = await freshIndex("testnet");
    const dir = directory({
      "100.chk": certifiedFile(testnet[0]!, epoch5, { sequenceNumber: 100n }),
      "101.chk": certifiedFile(testnet[1]!, epoch5, { sequenceNumber: 101n }),
      "102.chk": certifiedFile(testnet[2]!, epoch5, { sequenceNumber: 102n }),
      "103.chk": certifiedFile(testnet[3]!, forger, { sequenceNumber: 103n }),
    });
    await expect(
      index({ checkpoints: dir, committee: join(anchor, "committee.bcs"), batchSize: 2 }),
    ).rejects.toThrow(
      "checkpoint 103 not verified (certificate): the aggregate signature of 3 signers does not verify over checkpoint 103's summary",
    );
    expect(await read()).toMatchObject({ watermarks: { walrus: 101 }, walrusEvents: [100, 101] });
  });
});

describe("CertificateVerifier", () => {
  it("fails a checkpoint its source gave without proof parts", async () => {
    const stored = new Map<bigint, Uint8Array>();
    const store: CommitteeStore = {
      read: async (epoch) => stored.get(epoch),
      record: async (epoch, committee) => void stored.set(epoch, committee),
    };
    const verifier = await CertificateVerifier.start({ store });
    const commits: bigint[] = [];
    try {
      await expect(
        runIndexer({
          source: {
            description: "one checkpoint without proof parts",
            async *stream() {
              yield checkpoint(7, []);
            },
          },
          store: {
            readWatermark: async () => undefined,
            commit: async (_, batch) => void commits.push(batch.last.sequenceNumber),
          },
          processors: [
            { name: "none", eventPackages: [], process: () => ({ rows: {}, quarantined: [] }) },
          ],
          firstCheckpoint: 0n,
          verifier,
        }),
      ).rejects.toThrow(
        "checkpoint 7 not verified (proof parts): it came without its certified summary (its source gave no proof parts)",
      );
    } finally {
      await verifier.close();
    }
    expect(commits).toEqual([]);
  });
});

/**
 * `pnpm bench:indexer`: the indexer's real path (store files -> source -> decode -> pipelines ->
 * PostgreSQL) against a raw `COPY` of the same rows into the same schema, measured in the same
 * run, and where a checkpoint's time goes.
 *
 * 1. The stream: BENCH_CHECKPOINTS checkpoints, checkpoint `FIRST + i` being the real fixture
 *    `i mod 67` of ../shared (mainnet and testnet) renumbered, plus provenance story `i`
 *    (`storyCheckpointData`), written once as a directory of `.binpb.zst` files and one of
 *    `.chk` files.
 * 2. End to end, per format, after a warm-up pass over the stream: the directory source
 *    `verity index --checkpoints DIR` uses (files decoded on the `DecodePool` threads, keeping
 *    the transactions with the pipelines' events) -> `runIndexer` -> a fresh PostgreSQL
 *    database, and the commit's time per step (each table's inserts, the derived tables, the
 *    watermark) for the `.binpb.zst` run. First, so the process holds no more than an
 *    indexer's does.
 * 3. Stages, one at a time on the main thread, per checkpoint of the stream: fetch (read the
 *    file), decompress (zstd, `.binpb.zst` only), decode (every transaction), process (both
 *    pipelines).
 * 4. COPY baseline: the rows of the stream, COPY'd into a fresh database, and each table's
 *    COPY against its step in the `.binpb.zst` run's commits.
 * 5. The real mainnet mix: the 35 mainnet fixtures repeated (renumbered, nothing added) for
 *    BENCH_MAINNET_CHECKPOINTS checkpoints, served over HTTP on loopback in each format, indexed
 *    end to end as `verity index --network mainnet` would (Walrus and provenance pipelines), and
 *    what a backfill of mainnet's Walrus events since Walrus's launch would take at that rate.
 * 6. `--verify-certificates`: BENCH_VERIFIED_CHECKPOINTS of the stream certified anew by a test
 *    committee of 100 validators (67 signing, close to mainnet's 61 of 105), indexed without
 *    verification, with it on the worker thread (`CertificateVerifier`), and inline.
 *
 * Env: BENCH_CHECKPOINTS (default 3000), BENCH_MAINNET_CHECKPOINTS (default 2000),
 * BENCH_VERIFIED_CHECKPOINTS (default 500), VERITY_TEST_POSTGRES_URL (the server the throwaway
 * databases are made on; default postgres://postgres@127.0.0.1:5432/postgres).
 * Last line: `ratio_vs_copy=<end-to-end rows/s from .binpb.zst ÷ COPY rows/s>`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zstdDecompressSync } from "node:zlib";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import {
  CertifiedCheckpointSummary,
  type Checkpoint,
  type CheckpointSource,
  decodeCheckpointData,
  decodeStoreFile,
  encodeCheckpointBlob,
  encodeCheckpointFile,
  type StoreFormat,
  verifyCheckpointCertificate,
} from "@verity/checkpoints";
import { appendOnlyTables, copyRows, openDatabase, type TableName } from "@verity/db";
import {
  appendRows,
  CertificateVerifier,
  type CheckpointVerifier,
  databaseCommittees,
  databaseStore,
  type Processor,
  provenanceProcessor,
  type Rows,
  runIndexer,
  sourceFor,
  walrusProcessor,
} from "@verity/indexer";
import { walrusEvents } from "@verity/sdk";
import {
  certifiedBy,
  provenanceScenario,
  serveDirectory,
  storyCheckpointData,
  testCommittee,
} from "@verity/test-scenarios";
import { createPostgresDatabase, fixtures, readFixture } from "@verity/testing";

const CHECKPOINTS = Number(process.env.BENCH_CHECKPOINTS ?? 3000);
const MAINNET_CHECKPOINTS = Number(process.env.BENCH_MAINNET_CHECKPOINTS ?? 2000);
const VERIFIED = Math.min(CHECKPOINTS, Number(process.env.BENCH_VERIFIED_CHECKPOINTS ?? 500));
const FIRST = 1_000_000_000n;
/** Checkpoints of the warm-up run before the end-to-end runs: a whole pass of the stream. */
const WARM_UP = CHECKPOINTS;
const PACKAGE = normalizeSuiAddress("0xbe9c4");
const FORMATS: readonly StoreFormat[] = ["binpb.zst", "chk"];
/** Walrus's mainnet launch, the start of a Walrus backfill. */
const WALRUS_LAUNCH_MS = Date.UTC(2025, 2, 27);

const seconds = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
};
const secondsSync = (work: () => unknown) => {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
};
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString("en-US")}/s`;
const ms = (s: number, n: number) => `${((1000 * s) / n).toFixed(3)} ms`;

// 1. The stream, and the mainnet mix, as store directories of both formats.
const template = decodeCheckpointData(
  readFixture("testnet", fixtures.find((f) => f.network === "testnet")!.sequence_number),
).transactions[0]!;

/** Writes `count` checkpoints made by `make(i)` into a fresh directory per format. */
function writeStores(
  label: string,
  count: number,
  make: (i: number) => Parameters<typeof encodeCheckpointFile>[0],
): Record<StoreFormat, string> {
  const dirs = Object.fromEntries(
    FORMATS.map((format) => [format, mkdtempSync(join(tmpdir(), `bench-${label}-${format}-`))]),
  ) as Record<StoreFormat, string>;
  for (let i = 0; i < count; i++) {
    const data = decodeCheckpointData(encodeCheckpointFile(make(i)));
    const seq = FIRST + BigInt(i);
    writeFileSync(join(dirs.chk, `${seq}.chk`), encodeCheckpointFile(data));
    writeFileSync(join(dirs["binpb.zst"], `${seq}.binpb.zst`), encodeCheckpointBlob(data));
  }
  return dirs;
}

/**
 * Writes the stream and the mainnet mix; returns their directories and mainnet's pace in the
 * fixtures, checkpoints/s. What it decodes is dropped after it: the runs measured next hold no
 * more than a real indexer's process does.
 */
function writeBenchStores() {
  process.stdout.write(
    `writing ${CHECKPOINTS} + ${MAINNET_CHECKPOINTS} checkpoints in both formats...`,
  );
  const decoded = fixtures.map((f) => ({
    network: f.network,
    data: decodeCheckpointData(readFixture(f.network, f.sequence_number)),
  }));
  const mainnet = decoded.filter((f) => f.network === "mainnet").map((f) => f.data);
  const stories = provenanceScenario(PACKAGE, CHECKPOINTS, 0);
  const nothing: Checkpoint = { ...stories[0]!, transactions: [] };
  const seq = (i: number) => FIRST + BigInt(i);
  const stream = writeStores("stream", CHECKPOINTS, (i) =>
    storyCheckpointData(decoded[i % decoded.length]!.data, stories[i]!, seq(i), template),
  );
  const mix = writeStores("mainnet", MAINNET_CHECKPOINTS, (i) =>
    storyCheckpointData(mainnet[i % mainnet.length]!, nothing, seq(i), template),
  );
  const [oldest, newest] = [mainnet[0]!, mainnet.at(-1)!].map(
    (d) => d.checkpointSummary.data.value,
  );
  const chainRate =
    (Number(newest!.sequenceNumber) - Number(oldest!.sequenceNumber)) /
    ((Number(newest!.timestampMs) - Number(oldest!.timestampMs)) / 1000);
  console.log(" done");
  return { stream, mix, chainRate };
}
const { stream, mix, chainRate } = writeBenchStores();
const fileOf = (dirs: Record<StoreFormat, string>, format: StoreFormat, i: number) =>
  join(dirs[format], `${FIRST + BigInt(i)}.${format}`);

const processors = (network: "testnet" | "mainnet"): Processor[] => [
  provenanceProcessor({ network, packageIds: [PACKAGE] }),
  walrusProcessor({ network, packageId: walrusEvents.WALRUS_PACKAGE_IDS[network] }),
];

/**
 * Stages, per checkpoint of the stream, one at a time on this thread: prints each format's
 * times; returns the rows of the stream (each proof part once, as the database keeps it) and
 * its events.
 */
function measureStages(): { rows: Rows; events: number } {
  const rows: Rows = {};
  let events = 0;
  for (const format of FORMATS) {
    let bytes: Uint8Array[] = [];
    const fetch = secondsSync(() => {
      bytes = Array.from({ length: CHECKPOINTS }, (_, i) =>
        readFileSync(fileOf(stream, format, i)),
      );
    });
    const size = bytes.reduce((n, b) => n + b.length, 0);
    // Each file's decompressed bytes dropped at once, as the decoder does (kept, the 340 MB of
    // them would cost the allocator more than zstd).
    const decompress =
      format === "chk"
        ? 0
        : secondsSync(() => {
            for (const b of bytes) zstdDecompressSync(b);
          });
    let checkpoints: Checkpoint[] = [];
    const decode = secondsSync(() => {
      checkpoints = bytes.map((b, i) => decodeStoreFile(format, b, FIRST + BigInt(i), `${i}`, {}));
    });
    const pipelines = processors("testnet");
    const eventPackages = pipelines.flatMap((p) => p.eventPackages);
    const kept = secondsSync(() =>
      bytes.forEach((b, i) => {
        decodeStoreFile(format, b, FIRST + BigInt(i), `${i}`, { eventPackages });
      }),
    );
    const process = secondsSync(() => {
      for (const checkpoint of checkpoints) {
        for (const p of pipelines) {
          const out = p.process(checkpoint).rows;
          if (format === "chk") appendRows(rows, out);
        }
      }
    });
    if (format === "chk")
      events = checkpoints.reduce(
        (n, c) => n + c.transactions.reduce((m, t) => m + t.events.length, 0),
        0,
      );
    console.log(
      `stages, .${format} (${Math.round(size / CHECKPOINTS / 1024)} KiB a checkpoint), per checkpoint: fetch ${ms(fetch, CHECKPOINTS)}, decompress ${ms(decompress, CHECKPOINTS)}, decode ${ms(decode - decompress, CHECKPOINTS)} (${ms(kept - decompress, CHECKPOINTS)} keeping the pipelines' transactions), process ${ms(process, CHECKPOINTS)}`,
    );
  }
  // Both pipelines keep the proof parts of a checkpoint (and transaction) holding events of
  // each; the database keeps one row of each, as the baseline must.
  const distinct = <T>(list: T[] | undefined, key: (row: T) => string) => [
    ...new Map((list ?? []).map((row) => [key(row), row])).values(),
  ];
  rows.checkpointProofs = distinct(rows.checkpointProofs, (r) => `${r.network} ${r.checkpoint}`);
  rows.transactionProofs = distinct(rows.transactionProofs, (r) => `${r.network} ${r.txDigest}`);
  return { rows, events };
}

/** CPU seconds the machine's cores have been busy (all processes: /proc/stat), NaN elsewhere. */
function cpuSeconds(): number {
  try {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100; // USER_HZ
  } catch {
    return Number.NaN;
  }
}

/**
 * Seconds to index `count` checkpoints from `source` into a fresh database, and the commit's
 * time (total, and per step).
 */
async function endToEnd(source: CheckpointSource, network: "testnet" | "mainnet", count: number) {
  const target = await createPostgresDatabase();
  const database = await openDatabase({ url: target.url });
  const store = databaseStore(database.db);
  let commit = 0;
  const steps = new Map<string, number>();
  const busy = cpuSeconds();
  const node = process.cpuUsage();
  try {
    const total = await seconds(() =>
      runIndexer({
        source,
        store: {
          ...store,
          commit: async (...args: Parameters<typeof store.commit>) => {
            const start = performance.now();
            const result = await store.commit(...args);
            commit += (performance.now() - start) / 1000;
            for (const [step, stepMs] of Object.entries(result?.stepMs ?? {}))
              steps.set(step, (steps.get(step) ?? 0) + (stepMs ?? 0) / 1000);
            return result;
          },
        },
        processors: processors(network),
        firstCheckpoint: FIRST,
        lastCheckpoint: FIRST + BigInt(count - 1),
      }),
    );
    const used = process.cpuUsage(node);
    const nodeCpu = (used.user + used.system) / 1e6;
    return { total, commit, steps, nodeCpu, otherCpu: cpuSeconds() - busy - nodeCpu };
  } finally {
    await database.close();
    await target.drop();
  }
}

try {
  // 2. End to end, per format, first: the process holds no more than an indexer's does. A
  // warm-up run first (its figures dropped), so the runs measure the steady state, not the
  // decoding threads' start or the compiler's warm-up (a second or two, once per process).
  const streamSource = (format: StoreFormat) =>
    sourceFor(
      { network: "testnet", checkpoints: stream[format], checkpointFormat: format },
      { processors: processors("testnet") },
    );
  // The VM's speed drifts from minute to minute: the ratio takes the faster of two runs on
  // each side (the `.binpb.zst` end to end, the COPY).
  await endToEnd(streamSource("binpb.zst"), "testnet", WARM_UP);
  const e2e: Partial<Record<StoreFormat, Awaited<ReturnType<typeof endToEnd>>>> = {};
  for (const format of [...FORMATS, "binpb.zst"] as const) {
    const run = await endToEnd(streamSource(format), "testnet", CHECKPOINTS);
    if (!e2e[format] || run.total < e2e[format].total) e2e[format] = run;
  }

  // 3. Stages, and the stream's rows.
  const { rows, events } = measureStages();
  const rowCount = Object.values(rows).reduce((n, list) => n + list.length, 0);
  console.log(
    `stream: ${CHECKPOINTS} checkpoints, ${events} events, ${rowCount} rows in ${Object.keys(rows).length} tables`,
  );
  for (const format of FORMATS) {
    const run = e2e[format]!;
    console.log(
      `end to end, .${format} directory: ${run.total.toFixed(2)} s = ${rate(CHECKPOINTS, run.total)} checkpoints, ${rate(events, run.total)} events, ${rate(rowCount, run.total)} rows; commits ${run.commit.toFixed(2)} s; CPU ${run.nodeCpu.toFixed(2)} s in Node (all threads), ${run.otherCpu.toFixed(2)} s in PostgreSQL and the rest`,
    );
  }
  const steps = e2e["binpb.zst"]!.steps;
  const stepTotal = [...steps.values()].reduce((a, b) => a + b, 0);
  const shares = [...steps]
    .sort((a, b) => b[1] - a[1])
    .filter(([, s]) => s >= 0.005)
    .map(([step, s]) => `${step} ${((100 * s) / stepTotal).toFixed(1)}%`);
  console.log(`  .binpb.zst commit steps (${stepTotal.toFixed(2)} s): ${shares.join(", ")}`);

  // 4. Baseline: the same rows, COPY'd into the same schema, and each table's COPY against its
  // step in the commits.
  const copyRun = async () => {
    const target = await createPostgresDatabase();
    const database = await openDatabase({ url: target.url });
    const busy = cpuSeconds();
    const node = process.cpuUsage();
    const tables = new Map<string, number>();
    try {
      const total = await seconds(async () => {
        for (const [table, list] of Object.entries(rows) as [TableName, never[]][]) {
          tables.set(table, await seconds(() => copyRows(database, appendOnlyTables[table], list)));
        }
      });
      const used = process.cpuUsage(node);
      const nodeCpu = (used.user + used.system) / 1e6;
      return { total, tables, nodeCpu, otherCpu: cpuSeconds() - busy - nodeCpu };
    } finally {
      await database.close();
      await target.drop();
    }
  };
  const [first, second] = [await copyRun(), await copyRun()];
  const copy = second.total < first.total ? second : first;
  const copySeconds = copy.total;
  const copyTables = copy.tables;
  console.log(
    `COPY baseline: ${copySeconds.toFixed(2)} s = ${rate(rowCount, copySeconds)} rows (the faster of ${first.total.toFixed(2)} and ${second.total.toFixed(2)} s); CPU ${copy.nodeCpu.toFixed(2)} s in Node, ${copy.otherCpu.toFixed(2)} s in PostgreSQL and the rest`,
  );
  const perTable = [...copyTables]
    .sort((a, b) => b[1] - a[1])
    .filter(([, s]) => s >= 0.005)
    .map(([table, s]) => `${table} ${s.toFixed(2)}/${(steps.get(table) ?? 0).toFixed(2)}`);
  console.log(`  s per table, COPY/commit step: ${perTable.join(", ")}`);

  // 5. The real mainnet mix over HTTP, per format, and a Walrus backfill at that rate.
  const perSecond: Partial<Record<StoreFormat, number>> = {};
  for (const format of FORMATS) {
    const served = await serveDirectory(mix[format]);
    try {
      const run = await endToEnd(
        sourceFor(
          { network: "mainnet", checkpoints: served.url, checkpointFormat: format },
          { processors: processors("mainnet") },
        ),
        "mainnet",
        MAINNET_CHECKPOINTS,
      );
      perSecond[format] = MAINNET_CHECKPOINTS / run.total;
    } finally {
      await served.close();
    }
  }
  const since = Math.round(((Date.now() - WALRUS_LAUNCH_MS) / 1000) * chainRate);
  const days = (cps: number) => (since / cps / 86_400).toFixed(1);
  // Average file size of the mix, KiB, as written (not encoded again).
  const mixKiB = Object.fromEntries(
    FORMATS.map((format) => {
      const files = readdirSync(mix[format]);
      const bytes = files.reduce((n, f) => n + statSync(join(mix[format], f)).size, 0);
      return [format, Math.round(bytes / files.length / 1024)];
    }),
  ) as Record<StoreFormat, number>;
  console.log(
    `real mainnet mix over HTTP, end to end: .binpb.zst ${Math.round(perSecond["binpb.zst"]!)} checkpoints/s (${mixKiB["binpb.zst"]} KiB each), .chk ${Math.round(perSecond.chk!)}/s (${mixKiB.chk} KiB)`,
  );
  console.log(
    `Walrus backfill since ${new Date(WALRUS_LAUNCH_MS).toISOString().slice(0, 10)}: ~${(since / 1e6).toFixed(0)} M mainnet checkpoints (${chainRate.toFixed(2)}/s, the fixtures' pace) = ${days(perSecond["binpb.zst"]!)} days from .binpb.zst at this rate (${days(perSecond.chk!)} from .chk), if the store serves ${Math.round((perSecond["binpb.zst"]! * mixKiB["binpb.zst"]) / 1024)} MiB/s`,
  );

  // 6. Certificates verified, on the worker thread and inline, against none.
  const cost = await certificateCosts();
  console.log(
    `certificates, ${VERIFIED} checkpoints end to end: ${Math.round(cost.none)} checkpoints/s without verification, ${Math.round(cost.worker)}/s verified on the worker thread (${((100 * cost.worker) / cost.none).toFixed(1)}% of without), ${Math.round(cost.inline)}/s verified inline on the main thread: worker speedup ${(cost.worker / cost.inline).toFixed(2)}x`,
  );
  console.log(`ratio_vs_copy=${(copySeconds / e2e["binpb.zst"]!.total).toFixed(3)}`);
} finally {
  for (const dirs of [stream, mix])
    for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Checkpoints per second through `runIndexer` into a fresh PostgreSQL database, over the first
 * `VERIFIED` checkpoints of the stream certified anew by a test committee: without verification,
 * with `CertificateVerifier` (its worker thread, the committee as the trust anchor), and with
 * the same checks (decode the certified summary, verify its certificate) in the main thread.
 */
async function certificateCosts(): Promise<{ none: number; worker: number; inline: number }> {
  const signers = testCommittee(1n, { validators: 100, label: "bench validator" });
  const checkpointAt = (i: number) =>
    decodeStoreFile("chk", readFileSync(fileOf(stream, "chk", i)), FIRST + BigInt(i), `${i}`, {});
  process.stdout.write(`certifying ${VERIFIED} renumbered summaries with a test committee...`);
  const certified = Array.from({ length: VERIFIED }, (_, i) => {
    const envelope = checkpointAt(i).proofParts?.certifiedSummary;
    if (!envelope) throw new Error(`checkpoint ${i} has no certified summary`);
    return certifiedBy(envelope, signers, {
      sequenceNumber: FIRST + BigInt(i),
      nextCommittee: null,
    });
  });
  console.log(" done");
  const recertified = (i: number): Checkpoint => {
    const checkpoint = checkpointAt(i);
    const { certifiedSummary, digest } = certified[i]!;
    return {
      ...checkpoint,
      digest,
      epoch: signers.committee.epoch,
      proofParts: { certifiedSummary, contents: checkpoint.proofParts!.contents },
    };
  };
  const replay: CheckpointSource = {
    description: `${VERIFIED} recertified checkpoints`,
    async *stream(from) {
      for (let i = Number(from - FIRST); i < VERIFIED; i++) yield recertified(i);
    },
  };
  const inline: CheckpointVerifier = {
    async submit(checkpoint) {
      const summary = CertifiedCheckpointSummary.parse(checkpoint.proofParts!.certifiedSummary);
      verifyCheckpointCertificate(summary, signers.committee);
    },
    async verified() {},
  };
  const perSecond = async (
    verifier: (
      db: Awaited<ReturnType<typeof openDatabase>>,
    ) => Promise<CheckpointVerifier | undefined>,
  ) => {
    const target = await createPostgresDatabase();
    const database = await openDatabase({ url: target.url });
    const chosen = await verifier(database);
    try {
      const s = await seconds(() =>
        runIndexer({
          source: replay,
          store: databaseStore(database.db),
          processors: processors("testnet"),
          firstCheckpoint: FIRST,
          verifier: chosen,
        }),
      );
      return VERIFIED / s;
    } finally {
      if (chosen instanceof CertificateVerifier) await chosen.close();
      await database.close();
      await target.drop();
    }
  };
  return {
    none: await perSecond(async () => undefined),
    worker: await perSecond((database) =>
      CertificateVerifier.start({
        store: databaseCommittees(database.db, "testnet"),
        anchor: signers.committee,
      }),
    ),
    inline: await perSecond(async () => inline),
  };
}

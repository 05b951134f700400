/**
 * `pnpm bench:indexer`: replays a large stream through the indexer's real path (decode ->
 * pipelines -> PostgreSQL) and compares its write rate with a raw `COPY` of the same rows into
 * the same schema, measured in the same run. The stream is the real fixture checkpoints of
 * ../shared (mainnet and testnet), repeated with shifted sequence numbers (and transaction
 * digests, so repeats are new rows), each carrying one synthetic provenance story.
 *
 * Then the cost of `--verify-certificates`: the first BENCH_VERIFIED_CHECKPOINTS of the stream,
 * their summaries renumbered and certified anew by a test committee of 100 validators (67 sign
 * each certificate, close to mainnet's 61 of 105), indexed end to end without verification,
 * with it on the worker thread (`CertificateVerifier`, as `verity index` runs it), and with the
 * same checks inline on the main thread (what the worker saves).
 *
 * Env: BENCH_CHECKPOINTS (default 3000), BENCH_VERIFIED_CHECKPOINTS (default 500),
 * VERITY_TEST_POSTGRES_URL (the server to create the throwaway databases on; default
 * postgres://postgres@127.0.0.1:5432/postgres).
 * Last line: `ratio_vs_copy=<end-to-end rows/s ÷ COPY rows/s>`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import {
  CertifiedCheckpointSummary,
  type Checkpoint,
  type CheckpointSource,
  decodeCheckpointFile,
  verifyCheckpointCertificate,
} from "@verity/checkpoints";
import { appendOnlyTables, copyRows, openDatabase, type TableName } from "@verity/db";
import {
  appendRows,
  CertificateVerifier,
  type CheckpointVerifier,
  databaseCommittees,
  databaseStore,
  provenanceProcessor,
  type Rows,
  runIndexer,
  walrusProcessor,
} from "@verity/indexer";
import { walrusEvents } from "@verity/sdk";
import { certifiedBy, provenanceScenario, testCommittee } from "@verity/test-scenarios";
import { createPostgresDatabase } from "@verity/testing";

const CHECKPOINTS = Number(process.env.BENCH_CHECKPOINTS ?? 3000);
const VERIFIED = Math.min(CHECKPOINTS, Number(process.env.BENCH_VERIFIED_CHECKPOINTS ?? 500));
const FIRST = 1_000_000_000n;
const PACKAGE = normalizeSuiAddress("0xbe9c4");
const FIXTURES = new URL("../../shared/fixtures/sui-checkpoints/", import.meta.url).pathname;

const files = ["mainnet", "testnet"].flatMap((network) =>
  readdirSync(join(FIXTURES, network))
    .filter((f) => f.endsWith(".chk"))
    .map((f) => readFileSync(join(FIXTURES, network, f))),
);
const stories = provenanceScenario(PACKAGE, CHECKPOINTS, 0);
const processors = () => [
  provenanceProcessor({ network: "testnet", packageIds: [PACKAGE] }),
  walrusProcessor({ network: "testnet", packageId: walrusEvents.WALRUS_PACKAGE_IDS.testnet }),
];

/** Checkpoint `i` of the stream: fixture `i mod n`, decoded now, renumbered, plus story `i`. */
function checkpointAt(i: number): Checkpoint {
  const decoded = decodeCheckpointFile(files[i % files.length]!);
  const story = stories[i]!;
  return {
    ...decoded,
    sequenceNumber: FIRST + BigInt(i),
    transactions: [
      ...decoded.transactions.map((t) => ({ ...t, digest: `${t.digest}-${i}` })),
      ...story.transactions.map((t) => ({ ...t, digest: `${t.digest}-${i}` })),
    ],
  };
}

/** The first `count` checkpoints of the stream, each made by `make(i)`. */
const replay = (count: number, make: (i: number) => Checkpoint): CheckpointSource => ({
  description: `${count} replayed checkpoints`,
  async *stream(from, options) {
    for (let i = Number(from - FIRST); i < count; i++) {
      if (options?.to !== undefined && FIRST + BigInt(i) > options.to) return;
      yield make(i);
    }
  },
});
const source = replay(CHECKPOINTS, checkpointAt);

const seconds = async (work: () => Promise<unknown> | unknown) => {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
};
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString("en-US")}/s`;

// 1. Decoding alone.
let decoded = 0;
const decodeSeconds = await seconds(() => {
  for (let round = 0; round < 5; round++) {
    for (const f of files) {
      decodeCheckpointFile(f);
      decoded++;
    }
  }
});
console.log(
  `decode: ${decoded} checkpoints (${files.length} real fixtures) in ${decodeSeconds.toFixed(2)} s = ${rate(decoded, decodeSeconds)} checkpoints`,
);

// The rows the stream yields, and its events, for the COPY baseline and the rates.
const rows: Rows = {};
let events = 0;
for (let i = 0; i < CHECKPOINTS; i++) {
  const checkpoint = checkpointAt(i);
  events += checkpoint.transactions.reduce((n, t) => n + t.events.length, 0);
  for (const p of processors()) {
    appendRows(rows, p.process(checkpoint).rows);
  }
}
// Both pipelines keep the proof parts of a checkpoint (and transaction) holding events of each;
// the database keeps one row of each, as the baseline must.
const distinct = <T>(list: T[] | undefined, key: (row: T) => string) => [
  ...new Map((list ?? []).map((row) => [key(row), row])).values(),
];
rows.checkpointProofs = distinct(rows.checkpointProofs, (r) => `${r.network} ${r.checkpoint}`);
rows.transactionProofs = distinct(rows.transactionProofs, (r) => `${r.network} ${r.txDigest}`);
const rowCount = Object.values(rows).reduce((n, list) => n + list.length, 0);
console.log(
  `stream: ${CHECKPOINTS} checkpoints, ${events} events, ${rowCount} rows in ${Object.keys(rows).length} tables`,
);

// 2. End to end: decode -> pipelines -> commit (rows + watermarks) on PostgreSQL.
const e2eTarget = await createPostgresDatabase();
const copyTarget = await createPostgresDatabase();
try {
  const e2eDb = await openDatabase({ url: e2eTarget.url });
  const store = databaseStore(e2eDb.db);
  let commitSeconds = 0;
  const stepMs = new Map<string, number>();
  const timedStore = {
    ...store,
    commit: async (...args: Parameters<typeof store.commit>) => {
      const start = performance.now();
      const result = await store.commit(...args);
      commitSeconds += (performance.now() - start) / 1000;
      for (const [step, ms] of Object.entries(result?.stepMs ?? {}))
        stepMs.set(step, (stepMs.get(step) ?? 0) + (ms ?? 0));
      return result;
    },
  };
  const e2eSeconds = await seconds(() =>
    runIndexer({ source, store: timedStore, processors: processors(), firstCheckpoint: FIRST }),
  );
  await e2eDb.close();
  console.log(
    `end to end: ${e2eSeconds.toFixed(2)} s = ${rate(CHECKPOINTS, e2eSeconds)} checkpoints, ${rate(events, e2eSeconds)} events, ${rate(rowCount, e2eSeconds)} rows`,
  );
  console.log(
    `  of which commits (rows + watermarks): ${commitSeconds.toFixed(2)} s = ${rate(rowCount, commitSeconds)} rows`,
  );
  for (const [step, ms] of [...stepMs].sort((a, b) => b[1] - a[1]))
    console.log(`    ${step}: ${(ms / 1000).toFixed(2)} s`);

  // 3. Baseline: the same rows, COPY'd into the same schema.
  const copyDb = await openDatabase({ url: copyTarget.url });
  const copySeconds = await seconds(async () => {
    for (const [table, list] of Object.entries(rows) as [TableName, never[]][]) {
      await copyRows(copyDb, appendOnlyTables[table], list);
    }
  });
  await copyDb.close();
  console.log(`COPY baseline: ${copySeconds.toFixed(2)} s = ${rate(rowCount, copySeconds)} rows`);

  // 4. Certificates verified, on the worker thread and inline, against none.
  const perSecond = await certificateCosts();
  const speedup = perSecond.worker / perSecond.inline;
  console.log(
    `certificates, ${VERIFIED} checkpoints end to end: ${Math.round(perSecond.none)} checkpoints/s without verification, ${Math.round(perSecond.worker)}/s verified on the worker thread (${((100 * perSecond.worker) / perSecond.none).toFixed(1)}% of without), ${Math.round(perSecond.inline)}/s verified inline on the main thread: worker speedup ${speedup.toFixed(2)}x`,
  );
  console.log(`ratio_vs_copy=${(copySeconds / e2eSeconds).toFixed(3)}`);
} finally {
  await e2eTarget.drop();
  await copyTarget.drop();
}

/**
 * Checkpoints per second through `runIndexer` into a fresh PostgreSQL database, over the first
 * `VERIFIED` checkpoints of the stream certified anew by a test committee: without verification,
 * with `CertificateVerifier` (its worker thread, the committee as the trust anchor), and with
 * the same checks (decode the certified summary, verify its certificate) in the main thread.
 */
async function certificateCosts(): Promise<{ none: number; worker: number; inline: number }> {
  const signers = testCommittee(1n, { validators: 100, label: "bench validator" });
  process.stdout.write(`certifying ${VERIFIED} renumbered summaries with a test committee...`);
  const certified = Array.from({ length: VERIFIED }, (_, i) => {
    const envelope = checkpointAt(i).proofParts?.certifiedSummary;
    if (!envelope) throw new Error(`fixture ${i % files.length} has no certified summary`);
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
          source: replay(VERIFIED, recertified),
          store: databaseStore(database.db),
          processors: processors(),
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

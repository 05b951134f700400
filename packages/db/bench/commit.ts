/**
 * `pnpm exec tsx packages/db/bench/commit.ts [postgres|pglite]` (default postgres): rows per
 * second of `commitBatch` against `copyRows` for the same ~20k rows, each loaded into an
 * emptied schema, best of `ROUNDS`. The rows are `sampleRows` of `CHECKPOINTS` checkpoints
 * (every append-only table, with arrays, u64s past 2^63, NULLs, tricky text) plus a quarantined
 * event per checkpoint, committed as one batch the way the indexer commits; COPY loads each
 * table with one statement. PostgreSQL is a throwaway database on VERITY_TEST_POSTGRES_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres); PGlite is in memory.
 * Last line: `ratio=<commitBatch rows/s ÷ copyRows rows/s>`.
 */

import { createPostgresDatabase } from "@verity/testing";
import {
  appendOnlyTables,
  commitBatch,
  copyRows,
  openDatabase,
  quarantine,
  type TableName,
} from "../src/index.ts";
import { truncateAll } from "../test/support/databases.ts";
import { sampleQuarantine, sampleRows } from "../test/support/rows.ts";

const CHECKPOINTS = 20;
const ROWS_PER_TABLE = 67;
const ROUNDS = 3;

const driver = process.argv[2] ?? "postgres";
if (driver !== "postgres" && driver !== "pglite") throw new TypeError(`unknown driver ${driver}`);
const batch = Array.from({ length: CHECKPOINTS }, (_, i) => ({
  checkpoint: { sequenceNumber: i + 1, timestampMs: 1_700_000_000_000 + i },
  rows: sampleRows(i + 1, ROWS_PER_TABLE),
  quarantined: [sampleQuarantine(i + 1)],
}));
const rowCount = batch.reduce(
  (n, c) => n + c.quarantined.length + Object.values(c.rows).reduce((m, l) => m + l.length, 0),
  0,
);

const target = driver === "postgres" ? await createPostgresDatabase() : undefined;
const database = await openDatabase(target ? { url: target.url } : { dataDir: "memory://" });

/** Rows per second of the best of `ROUNDS` runs of `load`, each into emptied tables. */
async function rate(load: () => Promise<unknown>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    await truncateAll(database.db);
    const start = performance.now();
    await load();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return rowCount / best;
}

try {
  const commit = await rate(() => commitBatch(database.db, "bench", batch));
  const copy = await rate(async () => {
    for (const name of Object.keys(appendOnlyTables) as TableName[]) {
      const rows = batch.flatMap((c): object[] => c.rows[name] ?? []);
      await copyRows(database, appendOnlyTables[name], rows as never[]);
    }
    const quarantined = batch.flatMap((c) => c.quarantined.map((q) => ({ ...q, pipeline: "q" })));
    await copyRows(database, quarantine, quarantined);
  });
  const format = (n: number) => `${Math.round(n).toLocaleString("en-US")} rows/s`;
  console.log(`${driver}: ${rowCount} rows in ${CHECKPOINTS} checkpoints, best of ${ROUNDS}`);
  console.log(`commitBatch: ${format(commit)}`);
  console.log(`copyRows: ${format(copy)}`);
  console.log(`ratio=${(commit / copy).toFixed(3)}`);
} finally {
  await database.close();
  await target?.drop();
}

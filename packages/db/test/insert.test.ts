import { getTableName, type SQL } from "drizzle-orm";
import { PgDialect, type PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  appendOnlyTables,
  COPY_MIN_ROWS,
  CommitError,
  checkpointProofs,
  commitBatch,
  commitCheckpoint,
  type Db,
  edges,
  type QuarantineRow,
  quarantine,
  ROWS_PER_INSERT,
  type Rows,
  readWatermark,
  UNNEST_MIN_ROWS,
} from "../src/index.ts";
import { insertRows } from "../src/insert.ts";
import { drivers, useDatabase } from "./support/databases.ts";
import { concatRows, expectedAll, readAll, readTable, sorted } from "./support/read.ts";
import {
  hex,
  sampleQuarantine,
  sampleRows,
  TRICKY,
  TRICKY_ELEMENTS,
  U64_MAX,
} from "./support/rows.ts";

const at = (sequenceNumber: number) => ({ sequenceNumber, timestampMs: 1_700_000_000_000 });
const TABLES = Object.keys(appendOnlyTables).length;

/** Text values COPY's text format, array literals or casts could get wrong. */
const TEXTS = ["", "NULL", "\\N", "\\", "a\\", TRICKY, "{}", '"', "\t\n\r", "ünï 🚀"];
/**
 * Array values likewise: empty, and elements that look like NULL, escapes or literals. (No NULL
 * element: postgres.js reads one back as the string "NULL", whichever way it was written.)
 */
const ARRAYS = [[], [""], ["NULL"], TRICKY_ELEMENTS, ["\\N", "\\", "{a,b}"], [TRICKY]];
const U64S = [0n, 1n, 2n ** 63n, U64_MAX];
const BYTES = [
  new Uint8Array(0),
  Uint8Array.from({ length: 256 }, (_, i) => i),
  new TextEncoder().encode("\\x00\t\n"),
];

/**
 * `count` rows per table (`count` quarantined events too) of `checkpoint`, cycling through
 * `TEXTS`, `ARRAYS`, `U64S`, `BYTES`, NULLs in nullable columns, and safe-integer extremes.
 */
function trickyRows(
  checkpoint: number,
  count: number,
): { rows: Rows; quarantined: QuarantineRow[] } {
  const rows = sampleRows(checkpoint, count);
  const pick = <T>(values: readonly T[], i: number) => values[i % values.length] as T;
  rows.datasets = rows.datasets?.map((row, i) => ({
    ...row,
    name: pick(TEXTS, i),
    license: pick(TEXTS, i + 3),
    parents: pick(ARRAYS, i),
    size: pick(U64S, i),
    transformId: i % 2 === 0 ? null : hex(i),
    revision: Number.MAX_SAFE_INTEGER - i,
  }));
  rows.attestations = rows.attestations?.map((row, i) => ({
    ...row,
    inputs: pick(ARRAYS, i + 1),
    outputBlobs: pick(ARRAYS, i + 2),
    publicKey: pick(TEXTS, i + 5),
  }));
  rows.policies = rows.policies?.map((row, i) => ({
    ...row,
    name: i % 3 === 0 ? null : pick(TEXTS, i),
    unlockMs: i % 2 === 0 ? null : pick(U64S, i),
    ttlMs: pick(U64S, i + 1),
  }));
  rows.walrusBlobEvents = rows.walrusBlobEvents?.map((row, i) => ({
    ...row,
    checkpoint: Number.MAX_SAFE_INTEGER,
    size: i % 2 === 0 ? null : U64_MAX,
    deletable: [null, true, false][i % 3] as boolean | null,
    encodingType: i % 2 === 0 ? null : -32768,
    blobId: pick(TEXTS, i),
  }));
  const quarantined = Array.from({ length: count }, (_, i) => ({
    ...sampleQuarantine(checkpoint, i),
    reason: pick(TEXTS, i),
    contents: pick(BYTES, i),
  }));
  return { rows, quarantined };
}

/** The write path's derived tables, which `recording` leaves out. */
const DERIVED = ["nodes", "walrus_blob_objects", "tainted"];

/**
 * `db` that records each insert `insertRows` makes, as `values <table>` (drizzle's VALUES) or
 * `unnest <table>` (an `insert into "<table>" ... from unnest(` through `execute`), in
 * transactions too. The write path's derived tables (`DERIVED`) are not recorded: their own
 * tests check them.
 */
function recording(db: Db): { db: Db; inserts: string[] } {
  const inserts: string[] = [];
  const dialect = new PgDialect();
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof value !== "function") return value;
        const method = value.bind(object) as (...args: unknown[]) => unknown;
        if (property === "insert") {
          return (table: PgTable) => {
            if (!DERIVED.includes(getTableName(table)))
              inserts.push(`values ${getTableName(table)}`);
            return method(table);
          };
        }
        if (property === "execute") {
          return (query: SQL) => {
            const text = dialect.sqlToQuery(query).sql;
            const table = /^insert into "(\w+)".* from unnest\(/s.exec(text)?.[1];
            if (table && !DERIVED.includes(table)) inserts.push(`unnest ${table}`);
            const looked = /^select .* from "(\w+_proofs)" where/s.exec(text)?.[1];
            if (looked) inserts.push(`lookup ${looked}`);
            return method(query);
          };
        }
        if (property === "transaction") {
          return (run: (tx: object) => unknown) => method((tx: object) => run(wrap(tx)));
        }
        return method;
      },
    });
  return { db: wrap(db), inserts };
}

describe.each(drivers)("insertRows and commits through unnest on $name", (driver) => {
  const t = useDatabase(driver);

  it.each([
    [1, ["values edges"]],
    [UNNEST_MIN_ROWS - 1, ["values edges"]],
    [UNNEST_MIN_ROWS, ["unnest edges"]],
    [ROWS_PER_INSERT + 1, ["unnest edges", "unnest edges"]],
  ])("inserts %i rows with %j", async (count, shapes) => {
    const rows = (sampleRows(1, count).edges ?? []).map((row, i) => ({ ...row, dst: hex(i) }));
    const { db, inserts } = recording(t.db);
    expect(await insertRows(db, edges, rows)).toBe(count);
    expect(inserts).toEqual(shapes);
    expect(await readTable(t.db, edges)).toEqual(sorted(rows));
    expect(await insertRows(db, edges, rows)).toBe(0);
    expect(await insertRows(db, edges, [])).toBe(0);
  });

  it.each([
    ["unnest (one commit)", 1],
    ["VALUES (one commit per row)", 10],
  ])(
    "round-trips arrays, NULLs, u64::MAX, bytes and tricky text through %s",
    async (_, commits) => {
      const { rows, quarantined } = trickyRows(7, 10);
      const per = 10 / commits;
      for (let c = 0; c < commits; c++) {
        const slice = Object.fromEntries(
          Object.entries(rows).map(([name, list]) => [name, list.slice(c * per, (c + 1) * per)]),
        );
        const result = await commitCheckpoint(
          t.db,
          "p",
          at(7),
          slice,
          quarantined.slice(c * per, (c + 1) * per),
        );
        expect(result.inserted).toBe(per * (TABLES + 1));
      }
      expect(await readAll(t.db)).toEqual(
        expectedAll(
          rows,
          quarantined.map((q) => ({ ...q, pipeline: "p" })),
        ),
      );
      expect((await commitCheckpoint(t.db, "p", at(7), rows, quarantined)).inserted).toBe(0);
    },
  );

  it("takes unnest once a batch's checkpoints together reach UNNEST_MIN_ROWS per table", async () => {
    const batchOf = (first: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        checkpoint: at(first + i),
        rows: sampleRows(first + i),
        quarantined: [sampleQuarantine(first + i)],
      }));
    const below = batchOf(100, UNNEST_MIN_ROWS - 1);
    const reaching = batchOf(100 + below.length, UNNEST_MIN_ROWS);
    const { db, inserts } = recording(t.db);
    const tableNames = [...Object.values(appendOnlyTables), quarantine].map(getTableName);
    await commitBatch(db, "p", below);
    expect(inserts).toEqual([...tableNames.map((name) => `values ${name}`), "values watermarks"]);
    inserts.length = 0;
    const result = await commitBatch(db, "p", reaching);
    expect(inserts).toEqual([...tableNames.map((name) => `unnest ${name}`), "values watermarks"]);
    expect(result).toMatchObject({
      rows: UNNEST_MIN_ROWS * (TABLES + 1),
      inserted: UNNEST_MIN_ROWS * (TABLES + 1),
      watermarkMoved: true,
    });
    const all = [...below, ...reaching];
    expect(await readAll(t.db)).toEqual(
      expectedAll(
        concatRows(...all.map((b) => b.rows)),
        all.flatMap((b) => b.quarantined.map((q) => ({ ...q, pipeline: "p" }))),
      ),
    );
    expect(await readWatermark(t.db, "p")).toBe(all.at(-1)?.checkpoint.sequenceNumber);
    // the whole range again, as one batch: every row present, nothing inserted, no move back
    expect(await commitBatch(t.db, "p", all)).toMatchObject({ inserted: 0, watermarkMoved: false });
  });

  it("inserts only the new rows of a statement that repeats rows and holds present ones", async () => {
    const old = sampleRows(200, UNNEST_MIN_ROWS);
    await commitCheckpoint(t.db, "p", at(200), old);
    const fresh = sampleRows(201, UNNEST_MIN_ROWS);
    const result = await commitCheckpoint(t.db, "p", at(201), concatRows(old, fresh, fresh));
    expect(result).toMatchObject({ rows: 3 * UNNEST_MIN_ROWS * TABLES });
    expect(result.inserted).toBe(UNNEST_MIN_ROWS * TABLES);
    expect(await readAll(t.db)).toEqual(expectedAll(concatRows(old, fresh)));
  });

  const failures: [string, string, string, (rows: Rows) => QuarantineRow[]][] = [
    [
      "a NOT NULL violation",
      "walrus_blob_events",
      "23502",
      (rows) => {
        const [good] = rows.walrusBlobEvents ?? [];
        rows.walrusBlobEvents?.push({ ...good!, eventIndex: 77, kind: null as never });
        return [];
      },
    ],
    [
      "a u64 past numeric(20, 0)",
      "datasets",
      "22003",
      (rows) => {
        const [good] = rows.datasets ?? [];
        rows.datasets?.push({ ...good!, datasetId: hex(77), size: 10n ** 20n });
        return [];
      },
    ],
    [
      "the second statement of a table (after its first inserted)",
      "edges",
      "23502",
      (rows) => {
        const many = Array.from({ length: ROWS_PER_INSERT + 1 }, (_, i) => ({
          ...rows.edges![0]!,
          dst: hex(i),
          network: i === ROWS_PER_INSERT ? (null as never) : "testnet",
        }));
        rows.edges = many;
        return [];
      },
    ],
    [
      "quarantined events",
      "quarantine",
      "23502",
      () => [
        ...Array.from({ length: UNNEST_MIN_ROWS }, (_, i) => sampleQuarantine(41, i)),
        { ...sampleQuarantine(41, 50), reason: null as never },
      ],
    ],
  ];
  it.each(failures)(
    "%s on the unnest path leaves no row and the old watermark",
    async (_, table, code, spoil) => {
      await commitCheckpoint(t.db, "p", at(40), sampleRows(40, UNNEST_MIN_ROWS));
      const before = await readAll(t.db);
      const rows = sampleRows(41, UNNEST_MIN_ROWS);
      const quarantined = spoil(rows);
      const error = await commitCheckpoint(t.db, "p", at(41), rows, quarantined).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CommitError);
      expect(error).toMatchObject({ pipeline: "p", lastCheckpoint: 41, table, code });
      expect((error as Error).message).toMatch(
        new RegExp(`^commit of checkpoint 41 of pipeline p failed writing ${table}: `),
      );
      expect((error as Error).message.length).toBeLessThan(400);
      expect(await readAll(t.db)).toEqual(before);
      expect(await readWatermark(t.db, "p")).toBe(40);
    },
  );
});

describe.each(drivers)("rows past the watermark go in by COPY on $name", (driver) => {
  const t = useDatabase(driver);
  const tables = Object.values(appendOnlyTables).map(getTableName);
  const unnestOf = (names: string[]) => names.map((name) => `unnest ${name}`);

  it("round-trips arrays, NULLs, u64::MAX, bytes and tricky text", async () => {
    const { rows, quarantined } = trickyRows(7, COPY_MIN_ROWS);
    const { db, inserts } = recording(t.db);
    const result = await commitCheckpoint(db, "p", at(7), rows, quarantined);
    expect(result.inserted).toBe(COPY_MIN_ROWS * (TABLES + 1));
    // COPY goes around drizzle, so only the other statements are recorded.
    expect(inserts).toEqual(
      driver.name === "postgres"
        ? [...unnestOf(["quarantine"]), "values watermarks"]
        : [...unnestOf([...tables, "quarantine"]), "values watermarks"],
    );
    expect(await readAll(t.db)).toEqual(
      expectedAll(
        rows,
        quarantined.map((q) => ({ ...q, pipeline: "p" })),
      ),
    );
  });

  it("falls back to ON CONFLICT DO NOTHING when a row is already there", async () => {
    const rows = (sampleRows(9, COPY_MIN_ROWS).edges ?? []).map((row, i) => ({
      ...row,
      dst: hex(i),
    }));
    await insertRows(t.db, edges, rows.slice(0, 1)); // written by hand, not by a commit
    const { db, inserts } = recording(t.db);
    const result = await commitCheckpoint(db, "p", at(9), { edges: rows });
    expect(result.inserted).toBe(COPY_MIN_ROWS - 1);
    expect(inserts).toEqual(["unnest edges", "values watermarks"]);
    expect(await readTable(t.db, edges)).toEqual(sorted(rows));
    expect(await readWatermark(t.db, "p")).toBe(9);
  });

  it("leaves out the proof parts another pipeline wrote, and copies the rest", async () => {
    const { checkpointProofs: proofs = [] } = sampleRows(13, 2 * COPY_MIN_ROWS);
    const other = proofs.filter((_, i) => i % 3 === 0);
    await commitCheckpoint(t.db, "other", at(13), { checkpointProofs: other });
    const { db, inserts } = recording(t.db);
    const result = await commitCheckpoint(db, "p", at(13), { checkpointProofs: proofs });
    expect(result.inserted).toBe(proofs.length - other.length);
    expect(inserts).toEqual(
      driver.name === "postgres"
        ? ["lookup checkpoint_proofs", "values watermarks"]
        : ["lookup checkpoint_proofs", "unnest checkpoint_proofs", "values watermarks"],
    );
    expect(await readTable(t.db, checkpointProofs)).toEqual(sorted(proofs));
  });

  it("copies proof parts past every pipeline's watermark without looking them up", async () => {
    const { checkpointProofs: proofs = [] } = sampleRows(15, COPY_MIN_ROWS);
    await commitCheckpoint(t.db, "other", at(14), {});
    const { db, inserts } = recording(t.db);
    const result = await commitCheckpoint(db, "p", at(15), { checkpointProofs: proofs });
    expect(result.inserted).toBe(proofs.length);
    expect(inserts).toEqual(
      driver.name === "postgres"
        ? ["values watermarks"]
        : ["unnest checkpoint_proofs", "values watermarks"],
    );
    expect(await readTable(t.db, checkpointProofs)).toEqual(sorted(proofs));
  });

  it("commits again by ON CONFLICT DO NOTHING when proof parts past every watermark are there", async () => {
    const { checkpointProofs: proofs = [] } = sampleRows(17, COPY_MIN_ROWS);
    await insertRows(t.db, checkpointProofs, proofs.slice(0, 1)); // written by hand
    const { db, inserts } = recording(t.db);
    const result = await commitCheckpoint(db, "p", at(17), { checkpointProofs: proofs });
    expect(result.inserted).toBe(proofs.length - 1);
    expect(inserts).toEqual(["unnest checkpoint_proofs", "values watermarks"]);
    expect(await readTable(t.db, checkpointProofs)).toEqual(sorted(proofs));
    expect(await readWatermark(t.db, "p")).toBe(17);
  });

  it("takes unnest for a batch at or below the watermark", async () => {
    const rows = (sampleRows(11, COPY_MIN_ROWS).edges ?? []).map((row, i) => ({
      ...row,
      dst: hex(i),
    }));
    await commitCheckpoint(t.db, "p", at(12), {});
    const { db, inserts } = recording(t.db);
    expect((await commitCheckpoint(db, "p", at(11), { edges: rows })).inserted).toBe(COPY_MIN_ROWS);
    expect(inserts).toEqual(["unnest edges", "values watermarks"]);
    expect(await readWatermark(t.db, "p")).toBe(12);
  });
});

import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  appendOnlyTables,
  COPY_MIN_ROWS,
  CommitError,
  commitBatch,
  commitCheckpoint,
  type InsertRow,
  prepareCommit,
  type QuarantineRow,
  ROWS_PER_INSERT,
  type Rows,
  readWatermark,
  readWatermarks,
} from "../src/index.ts";
import { drivers, useDatabase } from "./support/databases.ts";
import { concatRows, expectedAll, readAll, sorted } from "./support/read.ts";
import { hex, sampleQuarantine, sampleRows } from "./support/rows.ts";

const at = (sequenceNumber: number) => ({
  sequenceNumber,
  timestampMs: 1_700_000_000_000 + sequenceNumber,
});

/** `CommitResult.stepMs` of a batch writing every table: a time for each step. */
const everyStep = Object.fromEntries(
  [
    ...Object.keys(appendOnlyTables),
    "quarantine",
    "datasetTerms",
    "nodes",
    "blobObjects",
    "taint",
    "watermark",
  ].map((step) => [step, expect.any(Number)]),
);

describe.each(drivers)("write path on $name", (driver) => {
  const t = useDatabase(driver);

  it("commitCheckpoint inserts every table's rows and moves the watermark", async () => {
    const rows = sampleRows(10, 3);
    const quarantined = [sampleQuarantine(10)];
    expect(await readWatermark(t.db, "provenance")).toBeUndefined();
    const result = await commitCheckpoint(t.db, "provenance", at(10), rows, quarantined);
    const count = Object.keys(appendOnlyTables).length * 3 + 1;
    expect(result).toEqual({
      rows: count,
      inserted: count,
      watermarkMoved: true,
      stepMs: everyStep,
    });
    expect(await readAll(t.db)).toEqual(
      expectedAll(
        rows,
        quarantined.map((q) => ({ ...q, pipeline: "provenance" })),
      ),
    );
    expect(await readWatermark(t.db, "provenance")).toBe(10);
    const [watermark, ...others] = await readWatermarks(t.db);
    expect(others).toEqual([]);
    expect(watermark).toMatchObject({
      pipeline: "provenance",
      checkpoint: 10,
      checkpointTimestampMs: at(10).timestampMs,
    });
    expect(watermark?.updatedAt).toBeInstanceOf(Date);
  });

  it("commits rows prepared ahead (prepareCommit) as any others", async () => {
    const rows = sampleRows(60, COPY_MIN_ROWS);
    await prepareCommit(rows);
    await commitCheckpoint(t.db, "provenance", at(60), rows);
    expect(await readAll(t.db)).toEqual(expectedAll(rows, []));
    // A set the COPY refuses is still refused, with the table named.
    const broken = sampleRows(61, COPY_MIN_ROWS);
    broken.datasets![3] = { ...broken.datasets![3]!, name: null as never };
    await prepareCommit(broken);
    const error = await commitCheckpoint(t.db, "provenance", at(61), broken).catch((e) => e);
    expect(error).toBeInstanceOf(CommitError);
    expect(error).toMatchObject({ table: "datasets" });
  });

  it("re-committing the same checkpoint changes nothing", async () => {
    const rows = sampleRows(20, 2);
    const quarantined = [sampleQuarantine(20)];
    await commitCheckpoint(t.db, "provenance", at(20), rows, quarantined);
    const before = await readAll(t.db);
    const watermarksBefore = await readWatermarks(t.db);
    const again = await commitCheckpoint(t.db, "provenance", at(20), rows, quarantined);
    expect(again).toMatchObject({ inserted: 0, watermarkMoved: false });
    expect(await readAll(t.db)).toEqual(before);
    expect(await readWatermarks(t.db)).toEqual(watermarksBefore);
  });

  it("inserts a row given twice in one commit once", async () => {
    const rows = sampleRows(25);
    const twice = concatRows(rows, rows);
    const result = await commitCheckpoint(t.db, "p", at(25), twice);
    expect(result.inserted).toBe(Object.keys(appendOnlyTables).length);
    expect(await readAll(t.db)).toEqual(expectedAll(rows));
  });

  it("never moves the watermark backward, but still stores an older checkpoint's new rows", async () => {
    await commitCheckpoint(t.db, "walrus", at(30), sampleRows(30));
    const late = sampleRows(27);
    const result = await commitCheckpoint(t.db, "walrus", at(27), late);
    expect(result.watermarkMoved).toBe(false);
    expect(result.inserted).toBe(Object.keys(appendOnlyTables).length);
    const [watermark] = await readWatermarks(t.db);
    expect(watermark).toMatchObject({ checkpoint: 30, checkpointTimestampMs: at(30).timestampMs });
    await commitCheckpoint(t.db, "walrus", at(31), {});
    expect(await readWatermark(t.db, "walrus")).toBe(31);
  });

  it("keeps one watermark per pipeline", async () => {
    await commitCheckpoint(t.db, "provenance", at(5), {});
    await commitCheckpoint(t.db, "walrus", at(9), {});
    expect((await readWatermarks(t.db)).map((w) => [w.pipeline, w.checkpoint])).toEqual([
      ["provenance", 5],
      ["walrus", 9],
    ]);
    expect(await readWatermark(t.db, "other")).toBeUndefined();
  });

  const failures: [string, string, (rows: Rows) => QuarantineRow[]][] = [
    [
      "the last table's row",
      "walrus_blob_events",
      (rows) => {
        expect(Object.keys(appendOnlyTables).at(-1)).toBe("walrusBlobEvents");
        const [good] = rows.walrusBlobEvents ?? [];
        rows.walrusBlobEvents?.push({ ...good!, eventIndex: 77, kind: null as never });
        return [];
      },
    ],
    [
      "a quarantined event (written after every table)",
      "quarantine",
      () => [{ ...sampleQuarantine(41), reason: null as never }],
    ],
  ];
  it.each(failures)(
    "a NOT NULL violation in %s leaves no row and the old watermark",
    async (_, table, spoil) => {
      const first = sampleRows(40);
      await commitCheckpoint(t.db, "provenance", at(40), first);
      const before = await readAll(t.db);
      const rows = sampleRows(41, 2);
      const quarantined = spoil(rows);
      const error = await commitCheckpoint(t.db, "provenance", at(41), rows, quarantined).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CommitError);
      expect(error).toMatchObject({
        pipeline: "provenance",
        lastCheckpoint: 41,
        table,
        code: "23502",
      });
      expect((error as Error).message).toMatch(
        new RegExp(
          `^commit of checkpoint 41 of pipeline provenance failed writing ${table}: null value`,
        ),
      );
      expect((error as Error).message.length).toBeLessThan(400);
      expect(await readAll(t.db)).toEqual(before);
      expect(await readWatermark(t.db, "provenance")).toBe(40);
    },
  );

  it("splits a table's rows into statements of ROWS_PER_INSERT rows", async () => {
    // 2.5 statements' worth of edges; inferences has 14 columns, so ROWS_PER_INSERT + 1 of its
    // rows are more values (75,015) than one VALUES statement could bind (65,534)
    const count = Math.ceil(2.5 * ROWS_PER_INSERT);
    const edges = Array.from(
      { length: count },
      (_, i): InsertRow<"edges"> => ({
        kind: "used",
        src: hex(i),
        srcKind: "attestation",
        dst: hex(1_000_000 + i),
        dstKind: "dataset",
        network: "testnet",
        signed: i % 3 === 0 ? null : i % 2 === 0,
        enclave: i % 3 === 0 ? null : i % 4 === 0,
        checkpoint: 50,
        txDigest: `tx${Math.floor(i / 100)}`,
        eventIndex: i % 100,
      }),
    );
    const inferences = sampleRows(50, ROWS_PER_INSERT + 1).inferences ?? [];
    expect(Object.keys(getTableColumns(appendOnlyTables.inferences))).toHaveLength(15);
    const result = await commitCheckpoint(t.db, "provenance", at(50), { edges, inferences });
    expect(result.inserted).toBe(count + ROWS_PER_INSERT + 1);
    const all = await readAll(t.db);
    expect(all.edges).toEqual(sorted(edges));
    expect(all.inferences).toHaveLength(ROWS_PER_INSERT + 1);
    const again = await commitCheckpoint(t.db, "provenance", at(50), { edges, inferences });
    expect(again.inserted).toBe(0);
  });

  it("commitBatch commits consecutive checkpoints at once, the watermark at the last", async () => {
    const batch = [60, 61, 62].map((n) => ({
      checkpoint: at(n),
      rows: sampleRows(n),
      quarantined: [sampleQuarantine(n)],
    }));
    const result = await commitBatch(t.db, "provenance", batch);
    const count = 3 * (Object.keys(appendOnlyTables).length + 1);
    expect(result).toEqual({
      rows: count,
      inserted: count,
      watermarkMoved: true,
      stepMs: everyStep,
    });
    expect(await readAll(t.db)).toEqual(
      expectedAll(
        concatRows(...batch.map((b) => b.rows)),
        batch.flatMap((b) => b.quarantined.map((q) => ({ ...q, pipeline: "provenance" }))),
      ),
    );
    const [watermark] = await readWatermarks(t.db);
    expect(watermark).toMatchObject({ checkpoint: 62, checkpointTimestampMs: at(62).timestampMs });
    expect((await commitBatch(t.db, "provenance", batch)).inserted).toBe(0);
  });

  it("commitBatch refuses gaps, disorder and empty batches, writing nothing", async () => {
    const of = (n: number) => ({ checkpoint: at(n), rows: sampleRows(n) });
    await expect(commitBatch(t.db, "p", [of(1), of(3)])).rejects.toThrow(RangeError);
    await expect(commitBatch(t.db, "p", [of(2), of(1)])).rejects.toThrow(/consecutive/);
    await expect(commitBatch(t.db, "p", [])).rejects.toThrow(RangeError);
    await expect(commitCheckpoint(t.db, "p", at(-1), {})).rejects.toThrow(RangeError);
    await expect(commitCheckpoint(t.db, "", at(1), {})).rejects.toThrow(TypeError);
    const notATable = { watermarks: [{}] } as unknown as Rows;
    await expect(commitCheckpoint(t.db, "p", at(1), notATable)).rejects.toThrow(
      /watermarks is not an append-only table/,
    );
    expect(await readAll(t.db)).toEqual(expectedAll({}));
    expect(await readWatermarks(t.db)).toEqual([]);
  });
});

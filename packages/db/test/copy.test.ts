import { pgTable, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  appendOnlyTables,
  arrayLiteral,
  COPY_NULL,
  CopyTextBuffer,
  checkpointProofs,
  commitCheckpoint,
  copyField,
  copyRows,
  edges,
  type InsertRow,
  quarantine,
  readWatermarks,
  type TableName,
  watermarks,
} from "../src/index.ts";
import { drivers, truncateAll, useDatabase } from "./support/databases.ts";
import { expectedAll, readAll, readTable, sorted } from "./support/read.ts";
import { hex, sampleQuarantine, sampleRows, TRICKY_ELEMENTS } from "./support/rows.ts";

describe("COPY text format", () => {
  it("writes NULL as \\N and escapes backslash, newline, CR and tab", () => {
    expect(copyField(null)).toBe(COPY_NULL);
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField("a\\b\nc\rd\te")).toBe("a\\\\b\\nc\\rd\\te");
    expect(copyField("\\N")).toBe("\\\\N");
  });

  it("writes bigints exactly, booleans as t/f, bytes as escaped hex", () => {
    expect(copyField(2n ** 64n - 1n)).toBe("18446744073709551615");
    expect(copyField(-5)).toBe("-5");
    expect(copyField(true)).toBe("t");
    expect(copyField(false)).toBe("f");
    expect(copyField(new Uint8Array([0, 0x5c, 255]))).toBe("\\\\x005cff");
    // a view into a larger buffer: its own bytes only
    expect(copyField(new Uint8Array([1, 2, 3, 4]).subarray(1, 3))).toBe("\\\\x0203");
    expect(copyField([new Uint8Array([0xab])])).toBe('{"\\\\\\\\xab"}');
    expect(copyField(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
    expect(copyField({ a: "\t" })).toBe('{"a":"\\\\t"}');
  });

  it("writes arrays as quoted literals, NULL elements unquoted, then COPY-escaped", () => {
    expect(arrayLiteral([])).toBe("{}");
    expect(arrayLiteral(["a,b", '"q"', "back\\slash", null, "NULL", ""])).toBe(
      '{"a,b","\\"q\\"","back\\\\slash",NULL,"NULL",""}',
    );
    expect(
      arrayLiteral([
        [1n, 2n],
        [3n, null],
      ]),
    ).toBe('{{"1","2"},{"3",NULL}}');
    expect(copyField(["x\\y", "t\tz"])).toBe('{"x\\\\\\\\y","t\\tz"}');
  });
});

describe("CopyTextBuffer", () => {
  it("writes the UTF-8 of copyField's fields, tab-separated, one line per row", () => {
    const fields: unknown[] = [
      "plain",
      "",
      "a\\b\nc\rd\te",
      "\\N",
      "été 日本 🦀",
      "tab\tthen é",
      0,
      -0,
      -5.25,
      Number.NaN,
      2n ** 64n - 1n,
      true,
      null,
      undefined,
      new Uint8Array([1, 2, 0x5c, 255]).subarray(1, 4),
      new Uint8Array(0),
      ["x\\y", "é", null],
      new Date(0),
      { a: "\t" },
    ];
    const text = new CopyTextBuffer(4); // grown as it goes
    for (const [i, value] of fields.entries()) {
      text.field(value, i === fields.length - 1 || i === 5);
    }
    const expected = `${fields
      .slice(0, 6)
      .map(copyField)
      .join("\t")}\n${fields.slice(6).map(copyField).join("\t")}\n`;
    expect(text.length).toBe(Buffer.byteLength(expected));
    expect(text.take().toString("utf8")).toBe(expected);
    expect(text.length).toBe(0);
    text.field("next", true);
    expect(text.take().toString()).toBe("next\n");
  });
});

describe.each(drivers)("copyRows on $name", (driver) => {
  const t = useDatabase(driver);

  it("loads every append-only table's rows so they read back equal to inserted ones", async () => {
    const rows = sampleRows(3, 4);
    await commitCheckpoint(t.db, "p", { sequenceNumber: 3, timestampMs: 0 }, rows);
    const inserted = await readAll(t.db);
    expect(inserted).toEqual(expectedAll(rows));
    await truncateAll(t.db);
    for (const [name, table] of Object.entries(appendOnlyTables)) {
      const list = rows[name as TableName] ?? [];
      expect(await copyRows(t.database, table, list)).toBe(4);
    }
    expect(await readAll(t.db)).toEqual(inserted);
  });

  it("loads bytes (quarantine) and leaves unset columns to their defaults (watermarks)", async () => {
    const quarantined = [sampleQuarantine(1), sampleQuarantine(2, 0)].map((q) => ({
      ...q,
      pipeline: "p",
    }));
    await copyRows(t.database, quarantine, quarantined);
    expect(await readTable(t.db, quarantine)).toEqual(sorted(quarantined));
    const before = Date.now();
    await copyRows(t.database, watermarks, [
      { pipeline: "a", checkpoint: 1, checkpointTimestampMs: 10 },
      { pipeline: "b", checkpoint: 2, checkpointTimestampMs: 20 },
    ]);
    const read = await readWatermarks(t.db);
    expect(read.map((w) => [w.pipeline, w.checkpoint, w.checkpointTimestampMs])).toEqual([
      ["a", 1, 10],
      ["b", 2, 20],
    ]);
    expect(read[0]?.updatedAt.getTime()).toBeGreaterThan(before - 60_000);
  });

  it("streams many rows, with tricky array elements", async () => {
    const many = Array.from(
      { length: 12_345 },
      (_, i): InsertRow<"edges"> => ({
        kind: "wasDerivedFrom",
        src: TRICKY_ELEMENTS[i % TRICKY_ELEMENTS.length]!,
        srcKind: "dataset",
        dst: hex(i + 1),
        dstKind: "dataset",
        network: "testnet",
        signed: i % 3 === 0 ? null : i % 2 === 0,
        enclave: i % 3 === 0 ? null : i % 4 === 0,
        checkpoint: 2 ** 40 + i,
        txDigest: `tx${i}`,
        eventIndex: i,
      }),
    );
    expect(await copyRows(t.database, edges, many)).toBe(many.length);
    expect(await readTable(t.db, edges)).toEqual(sorted(many));
  });

  it("loads fields larger than a chunk", async () => {
    const big = (n: number) =>
      Uint8Array.from({ length: 100_000 + n }, (_, i) => (i * 7 + n) % 256);
    const rows = [1, 2, 3].map((n) => ({
      network: "testnet",
      checkpoint: n,
      epoch: 1,
      certifiedSummary: big(n),
      contents: big(10 * n),
    }));
    expect(await copyRows(t.database, checkpointProofs, rows)).toBe(3);
    expect(await readTable(t.db, checkpointProofs)).toEqual(sorted(rows));
  });

  it("fails as a whole on a duplicate key, loading nothing", async () => {
    const rows = sampleRows(4, 2).edges ?? [];
    await expect(copyRows(t.database, edges, [...rows, rows[0]!])).rejects.toThrow(/duplicate key/);
    expect(await readTable(t.db, edges)).toEqual([]);
    expect(await copyRows(t.database, edges, [])).toBe(0);
  });

  it("rejects a table the database does not have, and the connection stays usable", async () => {
    const missing = pgTable("no_such_table", { id: text("id").primaryKey() });
    await expect(copyRows(t.database, missing, [{ id: "a" }])).rejects.toThrow(/no_such_table/);
    expect(await readTable(t.db, edges)).toEqual([]);
  });

  it("refuses rows that leave out a defaulted column other rows set", async () => {
    await expect(
      copyRows(t.database, watermarks, [
        { pipeline: "a", checkpoint: 1, checkpointTimestampMs: 1, updatedAt: new Date() },
        { pipeline: "b", checkpoint: 1, checkpointTimestampMs: 1 },
      ]),
    ).rejects.toThrow(TypeError);
  });
});

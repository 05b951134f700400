import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  appendOnlyTables,
  committees,
  nodes,
  quarantine,
  tainted,
  walrusBlobObjects,
  watermarks,
} from "../src/index.ts";
import * as schema from "../src/schema/index.ts";
import { sampleRows } from "./support/rows.ts";

describe("appendOnlyTables", () => {
  it("lists every table of the schema but committees, watermarks, quarantine and the derived nodes, blob objects and tainted", () => {
    const tables = Object.values(schema as Record<string, unknown>).filter((v) => is(v, PgTable));
    const listed: unknown[] = Object.values(appendOnlyTables);
    expect(tables.filter((table) => !listed.includes(table))).toEqual([
      committees,
      tainted,
      watermarks,
      quarantine,
      nodes,
      walrusBlobObjects,
    ]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("gives every table a primary key, so ON CONFLICT DO NOTHING skips a re-inserted row", () => {
    for (const [name, table] of Object.entries(appendOnlyTables)) {
      const config = getTableConfig(table);
      const keys = config.primaryKeys.length + config.columns.filter((c) => c.primary).length;
      expect(keys, name).toBe(1);
      // the proof parts are what event ids point at (a checkpoint, a transaction), not facts
      if (name === "checkpointProofs" || name === "transactionProofs") continue;
      const eventId = config.columns.filter((c) =>
        ["checkpoint", "tx_digest", "event_index"].includes(c.name),
      );
      expect(
        eventId.map((c) => [c.name, c.notNull]),
        `${name} carries an event id`,
      ).toEqual([
        ["checkpoint", true],
        ["tx_digest", true],
        ["event_index", true],
      ]);
    }
  });

  it("has sample rows for every table (the other tests cover them all)", () => {
    expect(Object.keys(sampleRows(1))).toEqual(Object.keys(appendOnlyTables));
  });
});

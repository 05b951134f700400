import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commitCheckpoint,
  type Database,
  type Db,
  datasets,
  getDataset,
  openDatabase,
} from "../src/index.ts";
import { drivers } from "./support/databases.ts";
import { sampleRows } from "./support/rows.ts";

/** A dataset row, named after the database that holds it. */
const dataset = (name: string) => ({ ...sampleRows(1).datasets![0]!, name });

describe.each(drivers)("prepared point lookups ($name)", (driver) => {
  const open: { database: Database; drop(): Promise<void> }[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const place = await driver.fresh();
      open.push({ database: await openDatabase(place.options), drop: place.drop });
    }
  });
  afterAll(async () => {
    for (const { database, drop } of open) {
      await database.close();
      await drop();
    }
  });
  const db = (i: number) => (open[i] as { database: Database }).database.db;

  it("answer from the database they are given, with two open at once", async () => {
    const row = dataset("in the first");
    await commitCheckpoint(db(0), "p", { sequenceNumber: 1, timestampMs: 0 }, { datasets: [row] });
    expect(await getDataset(db(1), row.datasetId)).toBeUndefined();
    expect((await getDataset(db(0), row.datasetId))?.name).toBe("in the first");
    await commitCheckpoint(
      db(1),
      "p",
      { sequenceNumber: 1, timestampMs: 0 },
      {
        datasets: [{ ...row, name: "in the second" }],
      },
    );
    expect((await getDataset(db(1), row.datasetId))?.name).toBe("in the second");
    expect((await getDataset(db(0), row.datasetId))?.name).toBe("in the first");
  });

  it("run inside a transaction on the transaction", async () => {
    const row = { ...dataset("not committed yet"), datasetId: `0x${"7".repeat(64)}` };
    const seen = await db(0).transaction(async (tx) => {
      await tx.insert(datasets).values(row);
      return getDataset(tx as unknown as Db, row.datasetId);
    });
    expect(seen?.name).toBe("not committed yet");
    expect(await getDataset(db(1), row.datasetId)).toBeUndefined();
  });
});

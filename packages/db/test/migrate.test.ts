import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { count } from "drizzle-orm";
import { bigint, pgSchema, serial, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  commitCheckpoint,
  type Db,
  MIGRATIONS_FOLDER,
  migrate,
  openDatabase,
  readWatermark,
  walrusBlobs,
} from "../src/index.ts";
import * as schema from "../src/schema/index.ts";
import { allTables, createPostgresDatabase, drivers, useDatabase } from "./support/databases.ts";

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
  entries: { idx: number; tag: string }[];
};

/** drizzle's own bookkeeping table. */
const applied = pgSchema("drizzle").table("__drizzle_migrations", {
  id: serial("id"),
  hash: text("hash").notNull(),
  createdAt: bigint("created_at", { mode: "number" }),
});

const appliedCount = async (db: Db) => (await db.select({ n: count() }).from(applied))[0]?.n;

describe("committed migrations", () => {
  it("are up to date with the schema (drizzle-kit would generate nothing)", async () => {
    const last = journal.entries.at(-1);
    expect(last).toBeDefined();
    const snapshot = JSON.parse(
      readFileSync(
        join(MIGRATIONS_FOLDER, `meta/${String(last?.idx).padStart(4, "0")}_snapshot.json`),
        "utf8",
      ),
    );
    const current = generateDrizzleJson(schema, snapshot.id);
    expect(await generateMigration(snapshot, current)).toEqual([]);
  });
});

describe.each(drivers)("migrations on $name", (driver) => {
  const t = useDatabase(driver);

  it("create every table and the view, and apply again without error or change", async () => {
    expect(await appliedCount(t.db)).toBe(journal.entries.length);
    await migrate(t.database);
    await migrate(t.database);
    expect(await appliedCount(t.db)).toBe(journal.entries.length);
    for (const table of allTables) {
      expect((await t.db.select({ n: count() }).from(table))[0]?.n).toBe(0);
    }
    expect(await t.db.select().from(walrusBlobs)).toEqual([]);
  });
});

describe("migrations on postgres, concurrently", () => {
  it("apply once when several processes open a fresh database together", async () => {
    const { url, drop } = await createPostgresDatabase();
    try {
      const opened = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ url })));
      try {
        expect(await appliedCount(opened[0]!.db)).toBe(journal.entries.length);
      } finally {
        await Promise.all(opened.map((d) => d.close()));
      }
    } finally {
      await drop();
    }
  });
});

describe("migrations on pglite, in a data directory", () => {
  it("persist with the data across a restart and are not applied twice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verity-pglite-"));
    try {
      const first = await openDatabase({ dataDir: join(dir, "nested", "pglite") });
      expect(first.location).toBe(join(dir, "nested", "pglite"));
      await commitCheckpoint(first.db, "walrus", { sequenceNumber: 7, timestampMs: 1 }, {});
      await first.close();
      await first.close();
      const second = await openDatabase({ dataDir: join(dir, "nested", "pglite") });
      try {
        expect(await readWatermark(second.db, "walrus")).toBe(7);
        expect(await appliedCount(second.db)).toBe(journal.entries.length);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPostgresDatabase } from "@verity/testing";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { count, sql } from "drizzle-orm";
import { bigint, pgSchema, serial, text } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import {
  attestations,
  attesters,
  commitCheckpoint,
  type Db,
  datasets,
  edges,
  inferences,
  MIGRATIONS_FOLDER,
  migrate,
  models,
  openDatabase,
  readWatermark,
  walrusBlobs,
} from "../src/index.ts";
import * as schema from "../src/schema/index.ts";
import { allTables, drivers, type TestDriver, useDatabase } from "./support/databases.ts";
import { runMigrationFile } from "./support/migration-file.ts";

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

/** A database on `driver` with no migration applied, as drizzle sees it, and its close. */
async function unmigrated(driver: TestDriver): Promise<{ db: Db; close(): Promise<void> }> {
  if (driver.name === "pglite") {
    const pglite = await PGlite.create({ extensions: { pg_trgm } });
    return { db: drizzlePglite(pglite, { schema }), close: () => pglite.close() };
  }
  const { url, drop } = await createPostgresDatabase();
  const client = postgres(url, { onnotice: () => {} });
  return {
    db: drizzlePostgres(client, { schema }),
    close: async () => {
      await client.end();
      await drop();
    },
  };
}

describe.each(drivers)("migration 0017 (sound contracts) on $name", (driver) => {
  it("gives rows indexed before it all-allowed terms, unsigned lineage and no enclave", async () => {
    const { db, close } = await unmigrated(driver);
    try {
      const sound = journal.entries.findIndex((e) => e.tag.startsWith("0017_"));
      for (const entry of journal.entries.slice(0, sound)) {
        await runMigrationFile(db, `${entry.tag}.sql`);
      }
      const eventId = `1, 'tx', 0`;
      for (const statement of [
        `insert into datasets (dataset_id, network, creator, name, blob_id, sha256, size,
          media_type, license, parents, revision, timestamp_ms, checkpoint, tx_digest, event_index)
        values ('0xd', 'testnet', '0xc', 'old', 'blob', 'ab', 1, 'text/csv', 'MIT', '{}', 1, 5, ${eventId})`,
        `insert into models (model_id, network, creator, name, blob_id, sha256, size, architecture,
          framework, training_id, datasets, timestamp_ms, checkpoint, tx_digest, event_index)
        values ('0xm', 'testnet', '0xc', 'old', 'w', 'cd', 1, 'a', 'f', '0xt', '{0xd}', 5, ${eventId})`,
        `insert into attestations (attestation_id, network, kind, signed, public_key, signature,
          submitter, inputs, input_blobs, outputs, output_blobs, payload_digest, timestamp_ms,
          recorded_ms, checkpoint, tx_digest, event_index)
        values ('0xt', 'testnet', 'training', false, '', '', '0xc', '{0xd}', '{blob}', '{}',
          '{w}', 'ef', 5, 5, ${eventId})`,
        `insert into inferences (inference_id, network, attestation_id, model_id, attester_id,
          input_blob_id, input_sha256, output_blob_id, output_sha256, submitter, timestamp_ms,
          checkpoint, tx_digest, event_index)
        values ('0xi', 'testnet', '0xt', '0xm', '0xa', 'in', '00', 'out', '11', '0xc', 5, ${eventId})`,
        `insert into attesters (attester_id, network, name, pcrs, admin, timestamp_ms, checkpoint,
          tx_digest, event_index)
        values ('0xa', 'testnet', 'key', '{}', '0xc', 5, ${eventId})`,
        `insert into edges (kind, src, src_kind, dst, dst_kind, network, checkpoint, tx_digest,
          event_index)
        values ('wasDerivedFrom', '0xm', 'model', '0xd', 'dataset', 'testnet', ${eventId})`,
      ]) {
        await db.execute(sql.raw(statement));
      }
      await runMigrationFile(db, `${journal.entries[sound]?.tag}.sql`);
      const allowed = { use: "allowed", constraints: [] };
      expect(await db.select().from(datasets)).toEqual([
        expect.objectContaining({
          terms: {
            ai_training: allowed,
            ai_generative_training: allowed,
            ai_inference: allowed,
            data_mining: allowed,
          },
          lineageSigned: false,
        }),
      ]);
      expect(await db.select().from(models)).toEqual([
        expect.objectContaining({ generative: false, lineageSigned: false, constraints: [] }),
      ]);
      expect(await db.select().from(attestations)).toEqual([
        expect.objectContaining({ enclave: false, inputSha256s: [], outputSha256s: [] }),
      ]);
      expect(await db.select().from(inferences)).toEqual([
        expect.objectContaining({ enclave: false }),
      ]);
      expect(await db.select().from(attesters)).toEqual([
        expect.objectContaining({ enclaveConfigId: null }),
      ]);
      expect(await db.select().from(edges)).toEqual([
        expect.objectContaining({ signed: null, enclave: null }),
      ]);
      // The defaults were only for the rows already there: the indexer writes every column.
      await expect(
        db.execute(
          sql.raw(`insert into inferences (inference_id, network, attestation_id, model_id,
            attester_id, input_blob_id, input_sha256, output_blob_id, output_sha256, submitter,
            timestamp_ms, checkpoint, tx_digest, event_index)
          values ('0xj', 'testnet', '0xt', '0xm', '0xa', 'in', '00', 'out', '11', '0xc', 5, 2, 'tx', 0)`),
        ),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/"enclave".*not-null/) } });
    } finally {
      await close();
    }
  });
});

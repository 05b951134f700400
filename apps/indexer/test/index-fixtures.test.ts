import { STORE_FORMATS } from "@verity/checkpoints";
import { openDatabase, walrusBlobEvents, watermarks } from "@verity/db";
import { fixtureStore, serveDirectory } from "@verity/test-scenarios";
import { createPostgresDatabase, sorted } from "@verity/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IndexRun, indexCommand } from "../src/run.ts";
import { type FreshDatabase, freshDatabases } from "./support/databases.ts";
import { readAll } from "./support/tables.ts";

const silent = pino({ level: "silent" });

describe.each(
  freshDatabases.flatMap((database) => STORE_FORMATS.map((format) => ({ ...database, format }))),
)(
  "verity index on the real testnet checkpoints, a directory of .$format files ($driver)",
  ({ create, format }) => {
    const { directory } = fixtureStore("testnet", format);
    let database: FreshDatabase;
    beforeAll(async () => {
      database = await create();
    });
    afterAll(() => database.drop());

    const index = () =>
      indexCommand({
        network: "testnet",
        checkpoints: directory,
        ...database.options,
        logger: silent,
      });
    const read = async () => {
      const { db, close } = await openDatabase({
        url: database.options.databaseUrl,
        dataDir: database.options.dataDir,
      });
      try {
        return {
          events: await db
            .select()
            .from(walrusBlobEvents)
            .orderBy(walrusBlobEvents.checkpoint, walrusBlobEvents.txDigest),
          watermarks: await db
            .select({ pipeline: watermarks.pipeline, checkpoint: watermarks.checkpoint })
            .from(watermarks),
          blobs: (await db.execute(
            "select object_id, blob_id, status, certified_epoch, end_epoch from walrus_blobs order by object_id",
          )) as unknown,
        };
      } finally {
        await close();
      }
    };

    it("yields exactly the 8 Walrus events of the fixture README, with blob ids, sizes and epochs", async () => {
      const watermark = await index();
      expect(watermark.get("walrus")).toBe(275761458n);
      const { events } = await read();
      expect(events.map((e) => [e.checkpoint, e.kind])).toEqual([
        [248050771, "certified"],
        [248054311, "registered"],
        [258579946, "registered"],
        [273995602, "registered"],
        [273995602, "registered"],
        [273995602, "registered"],
        [273995602, "registered"],
        [275761458, "registered"],
      ]);
      expect(events.every((e) => e.network === "testnet" && e.eventIndex === 0)).toBe(true);
      expect(
        events.filter((e) => e.kind === "registered").every((e) => e.size !== null && e.size > 0n),
      ).toBe(true);
    });

    it("keeps both facts of the blob certified in 248050771 and registered again under another object in 248054311", async () => {
      const { events } = await read();
      const [certified, registered] = events;
      expect(certified).toMatchObject({
        kind: "certified",
        blobId: "y4UaG1aueyEVCXTLTCHlN79YkmBRS4DnopK3yIiIDAI",
        objectId: "0xc63d62dd862cbb60c91ea00d67ac0bb3970650fe21910f29bcd17456c99319aa",
        epoch: 182,
        endEpoch: 183,
        txDigest: "6ukNiSVVC6TtvHFhCkDzA3ascUZVPBuWXQ8855XaJEcH",
      });
      expect(registered).toMatchObject({
        kind: "registered",
        blobId: certified!.blobId,
        objectId: "0xe83e42186366a21773ce20410d2a647a8b56b7f31e0fbb01b1b073c26ba8299c",
        endEpoch: 183,
      });
      expect(registered!.objectId).not.toBe(certified!.objectId);
    });

    it("resumes at the watermark: a second run adds nothing", async () => {
      const before = await read();
      const watermark = await index();
      expect(watermark.get("walrus")).toBe(275761458n);
      expect(await read()).toEqual(before);
    });
  },
);

/** Every row `verity index` writes for `run` (on testnet) into a fresh PostgreSQL database. */
async function rowsOf(run: IndexRun) {
  const { url, drop } = await createPostgresDatabase();
  try {
    await indexCommand({ network: "testnet", ...run, databaseUrl: url, logger: silent });
    const database = await openDatabase({ url });
    try {
      return await readAll(database.db);
    } finally {
      await database.close();
    }
  } finally {
    await drop();
  }
}

describe("verity index reads the same rows from a .binpb.zst store as from the .chk store", () => {
  it("from directories of the real testnet checkpoints", async () => {
    const chk = await rowsOf({ checkpoints: fixtureStore("testnet", "chk").directory });
    const binpb = await rowsOf({ checkpoints: fixtureStore("testnet", "binpb.zst").directory });
    expect(chk.walrusBlobEvents).toHaveLength(8);
    expect(chk.checkpointProofs.length).toBeGreaterThan(0);
    expect(binpb).toEqual(chk);
  });

  it("over HTTP and from a directory, the real checkpoints renumbered into a dense store", async () => {
    const first = 500_000_000n;
    const chk = fixtureStore("testnet", "chk", { first });
    const binpb = fixtureStore("testnet", "binpb.zst", { first });
    const range = { firstCheckpoint: first, lastCheckpoint: chk.checkpoints.at(-1)! };
    const servedChk = await serveDirectory(chk.directory);
    const servedBinpb = await serveDirectory(binpb.directory);
    try {
      const chkOverHttp = await rowsOf({ checkpoints: servedChk.url, ...range });
      const binpbOverHttp = await rowsOf({ checkpoints: servedBinpb.url, ...range });
      const binpbForced = await rowsOf({
        checkpoints: servedBinpb.url,
        checkpointFormat: "binpb.zst",
        ...range,
      });
      const binpbDirectory = await rowsOf({ checkpoints: binpb.directory, ...range });
      expect(binpbOverHttp).toEqual(chkOverHttp);
      expect(binpbForced).toEqual(chkOverHttp);
      expect(binpbDirectory).toEqual(chkOverHttp);
      expect(servedBinpb.requests.filter((path) => !path.endsWith(".binpb.zst"))).toEqual([]);

      // The 8 Walrus events of the real checkpoints, each at its checkpoint's new number.
      const real = fixtureStore("testnet", "chk");
      const renumber = new Map(real.checkpoints.map((seq, i) => [seq, chk.checkpoints[i]!]));
      const { walrusBlobEvents: events } = await rowsOf({ checkpoints: real.directory });
      expect(binpbOverHttp.walrusBlobEvents).toEqual(
        sorted(
          events.map((event) => {
            const row = event as { checkpoint: number };
            return { ...row, checkpoint: Number(renumber.get(BigInt(row.checkpoint))) };
          }),
        ),
      );
    } finally {
      await servedChk.close();
      await servedBinpb.close();
    }
  }, 60_000);
});

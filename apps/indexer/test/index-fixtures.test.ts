import { join } from "node:path";
import { openDatabase, walrusBlobEvents, watermarks } from "@verity/db";
import { SUI_CHECKPOINTS } from "@verity/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexCommand } from "../src/run.ts";
import { type FreshDatabase, freshDatabases } from "./support/databases.ts";

const TESTNET = join(SUI_CHECKPOINTS, "testnet");
const silent = pino({ level: "silent" });

describe.each(freshDatabases)(
  "verity index on the real testnet checkpoints ($driver)",
  ({ create }) => {
    let database: FreshDatabase;
    beforeAll(async () => {
      database = await create();
    });
    afterAll(() => database.drop());

    const index = () =>
      indexCommand({
        network: "testnet",
        checkpoints: TESTNET,
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

import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  commitCheckpoint,
  type Db,
  type InsertRow,
  walrusBlobObjects,
  walrusBlobs,
} from "../src/index.ts";
import { drivers, useDatabase } from "./support/databases.ts";
import { runMigrationFile } from "./support/migration-file.ts";
import { hex } from "./support/rows.ts";

type Event = InsertRow<"walrusBlobEvents">;

/** Commits `events` as checkpoint `sequenceNumber` of the `walrus` pipeline. */
const commitEvents = (db: Db, sequenceNumber: number, events: Event[]) =>
  commitCheckpoint(db, "walrus", { sequenceNumber, timestampMs: 0 }, { walrusBlobEvents: events });

/** A Walrus event of `kind` for object `object` at checkpoint `checkpoint`. */
const event = (
  kind: string,
  object: number | null,
  blobId: string,
  checkpoint: number,
  fields: Partial<Event> = {},
): Event => ({
  checkpoint,
  txDigest: `t${checkpoint}`,
  eventIndex: 0,
  network: "testnet",
  kind,
  blobId,
  objectId: object === null ? null : hex(object),
  epoch: 1,
  endEpoch: null,
  size: null,
  encodingType: null,
  deletable: null,
  isExtension: null,
  wasCertified: null,
  timestampMs: 1_700_000_000_000 + checkpoint,
  ...fields,
});

const registered = (object: number, blobId: string, checkpoint: number, f: Partial<Event> = {}) =>
  event("registered", object, blobId, checkpoint, {
    size: 100n,
    encodingType: 1,
    deletable: true,
    endEpoch: 5,
    ...f,
  });
const certified = (object: number, blobId: string, checkpoint: number, f: Partial<Event> = {}) =>
  event("certified", object, blobId, checkpoint, {
    deletable: true,
    endEpoch: 5,
    isExtension: false,
    ...f,
  });
const deleted = (object: number, blobId: string, checkpoint: number, f: Partial<Event> = {}) =>
  event("deleted", object, blobId, checkpoint, { endEpoch: 5, wasCertified: true, ...f });

const BIG = 2n ** 63n + 5n;

const events: Event[] = [
  // A: registered only
  registered(0xa, "blobA", 100, {
    epoch: 1,
    endEpoch: 5,
    size: 123n,
    encodingType: 1,
    deletable: false,
  }),
  // B: registered and certified in one transaction, then extended twice in checkpoint 120
  registered(0xb, "blobB", 101, { epoch: 2, endEpoch: 6, size: BIG }),
  certified(0xb, "blobB", 101, { eventIndex: 1, epoch: 2, endEpoch: 6 }),
  certified(0xb, "blobB", 120, { eventIndex: 3, epoch: 4, endEpoch: 30, isExtension: true }),
  certified(0xb, "blobB", 120, {
    txDigest: "t120-other",
    eventIndex: 5,
    epoch: 4,
    endEpoch: 20,
    isExtension: true,
  }),
  // C: registered, certified, deleted
  registered(0xc, "blobC", 102, { epoch: 3, endEpoch: 8, size: 7n }),
  certified(0xc, "blobC", 103, { epoch: 3, endEpoch: 8 }),
  deleted(0xc, "blobC", 110, { epoch: 5, endEpoch: 8 }),
  // D and E: one blob id stored under two objects
  registered(0xd, "shared", 104, { size: 50n }),
  certified(0xd, "shared", 105, { epoch: 2 }),
  registered(0xe, "shared", 106, { size: 50n, deletable: false }),
  // F: certified, its registration before the indexed range
  certified(0xf, "blobF", 107, { epoch: 6, endEpoch: 12, deletable: false }),
  // G: deleted before it was ever certified
  registered(0x10, "blobG", 108),
  deleted(0x10, "blobG", 109, { epoch: 2, wasCertified: false }),
  // not Blob objects: left out
  event("invalid", null, "blobA", 111),
  event("deny_listed", null, "blobC", 112),
];

const none = { checkpoint: null, txDigest: null, eventIndex: null };
const eventIds = (prefix: "registered" | "certified" | "deleted", p: typeof none | Event) => ({
  [`${prefix}Checkpoint`]: p.checkpoint,
  [`${prefix}TxDigest`]: p.txDigest,
  [`${prefix}EventIndex`]: p.eventIndex,
});
const at = (i: number) => events[i]!;

const expected = [
  {
    objectId: hex(0xa),
    blobId: "blobA",
    status: "registered",
    size: 123n,
    encodingType: 1,
    deletable: false,
    registeredEpoch: 1,
    certifiedEpoch: null,
    deletedEpoch: null,
    endEpoch: 5,
    ...eventIds("registered", at(0)),
    ...eventIds("certified", none),
    ...eventIds("deleted", none),
  },
  {
    objectId: hex(0xb),
    blobId: "blobB",
    status: "certified",
    size: BIG,
    encodingType: 1,
    deletable: true,
    registeredEpoch: 2,
    certifiedEpoch: 2,
    deletedEpoch: null,
    endEpoch: 30,
    ...eventIds("registered", at(1)),
    ...eventIds("certified", at(3)),
    ...eventIds("deleted", none),
  },
  {
    objectId: hex(0xc),
    blobId: "blobC",
    status: "deleted",
    size: 7n,
    encodingType: 1,
    deletable: true,
    registeredEpoch: 3,
    certifiedEpoch: 3,
    deletedEpoch: 5,
    endEpoch: 8,
    ...eventIds("registered", at(5)),
    ...eventIds("certified", at(6)),
    ...eventIds("deleted", at(7)),
  },
  {
    objectId: hex(0xd),
    blobId: "shared",
    status: "certified",
    size: 50n,
    encodingType: 1,
    deletable: true,
    registeredEpoch: 1,
    certifiedEpoch: 2,
    deletedEpoch: null,
    endEpoch: 5,
    ...eventIds("registered", at(8)),
    ...eventIds("certified", at(9)),
    ...eventIds("deleted", none),
  },
  {
    objectId: hex(0xe),
    blobId: "shared",
    status: "registered",
    size: 50n,
    encodingType: 1,
    deletable: false,
    registeredEpoch: 1,
    certifiedEpoch: null,
    deletedEpoch: null,
    endEpoch: 5,
    ...eventIds("registered", at(10)),
    ...eventIds("certified", none),
    ...eventIds("deleted", none),
  },
  {
    objectId: hex(0xf),
    blobId: "blobF",
    status: "certified",
    size: null,
    encodingType: null,
    deletable: false,
    registeredEpoch: null,
    certifiedEpoch: 6,
    deletedEpoch: null,
    endEpoch: 12,
    ...eventIds("registered", none),
    ...eventIds("certified", at(11)),
    ...eventIds("deleted", none),
  },
  {
    objectId: hex(0x10),
    blobId: "blobG",
    status: "deleted",
    size: 100n,
    encodingType: 1,
    deletable: true,
    registeredEpoch: 1,
    certifiedEpoch: null,
    deletedEpoch: 2,
    endEpoch: 5,
    ...eventIds("registered", at(12)),
    ...eventIds("certified", none),
    ...eventIds("deleted", at(13)),
  },
].map((row) => ({ network: "testnet", ...row }));

describe.each(drivers)("walrus_blobs view on $name", (driver) => {
  const t = useDatabase(driver);
  const read = () => t.db.select().from(walrusBlobs).orderBy(asc(walrusBlobs.objectId));

  it("gives each Blob object's status, first certified epoch, latest end epoch and event ids", async () => {
    await commitEvents(t.db, 200, events);
    expect(await read()).toEqual(expected);
  });

  it("does not depend on the order events were stored in", async () => {
    await commitEvents(t.db, 200, [...events].reverse());
    expect(await read()).toEqual(expected);
  });

  it("keeps both objects of one blob id, and filters by blob id", async () => {
    await commitEvents(t.db, 200, events);
    const shared = await t.db
      .select({ objectId: walrusBlobs.objectId, status: walrusBlobs.status })
      .from(walrusBlobs)
      .where(eq(walrusBlobs.blobId, "shared"))
      .orderBy(asc(walrusBlobs.objectId));
    expect(shared).toEqual([
      { objectId: hex(0xd), status: "certified" },
      { objectId: hex(0xe), status: "registered" },
    ]);
  });

  it("moves a blob from registered to certified to deleted as its events arrive", async () => {
    const status = async () =>
      (
        await t.db
          .select()
          .from(walrusBlobs)
          .where(eq(walrusBlobs.objectId, hex(0xc)))
      )[0];
    await commitEvents(t.db, 102, [at(5)]);
    expect(await status()).toMatchObject({ status: "registered", certifiedEpoch: null });
    await commitEvents(t.db, 103, [at(6)]);
    expect(await status()).toMatchObject({ status: "certified", certifiedEpoch: 3 });
    await commitEvents(t.db, 110, [at(7)]);
    expect(await status()).toMatchObject({ status: "deleted", deletedEpoch: 5 });
  });
});

describe.each(drivers)("walrus_blob_objects on $name", (driver) => {
  const t = useDatabase(driver);
  const read = () => t.db.select().from(walrusBlobObjects).orderBy(asc(walrusBlobObjects.objectId));
  /** The view's status of each object, and the chain time of its first event. */
  const definition = expected.map((row) => ({
    network: row.network,
    objectId: row.objectId,
    blobId: row.blobId,
    status: row.status,
    firstSeenMs: Math.min(
      ...events.filter((e) => e.objectId === row.objectId).map((e) => e.timestampMs),
    ),
  }));
  const splits: [string, Event[][]][] = [
    ["all at once", [events]],
    ["one event per commit, newest first", [...events].reverse().map((e) => [e])],
    [
      "in commits of three, shuffled",
      [11, 2, 7, 0, 14, 5, 9, 1, 13, 3, 15, 8, 12, 4, 10, 6]
        .map((i) => at(i))
        .reduce<Event[][]>((chunks, e, i) => {
          if (i % 3 === 0) chunks.push([]);
          chunks.at(-1)?.push(e);
          return chunks;
        }, []),
    ],
  ];

  for (const [name, commits] of splits) {
    it(`holds the view's status and the first sighting of every object: ${name}`, async () => {
      expect(commits.flat()).toHaveLength(events.length);
      let sequenceNumber = 0;
      for (const batch of commits) {
        await commitEvents(t.db, sequenceNumber++, batch);
        const view = await t.db
          .select({ objectId: walrusBlobs.objectId, status: walrusBlobs.status })
          .from(walrusBlobs)
          .orderBy(asc(walrusBlobs.objectId));
        expect((await read()).map(({ objectId, status }) => ({ objectId, status }))).toEqual(view);
      }
      expect(await read()).toEqual(definition);
      // again: nothing changes
      await commitEvents(t.db, 0, events);
      expect(await read()).toEqual(definition);
    });
  }

  it("is filled from the stored events by the backfill migration as the write path fills it", async () => {
    await commitEvents(t.db, 1, events);
    await t.db.execute(sql`truncate table walrus_blob_objects`);
    await runMigrationFile(t.db, "0009_backfill_walrus_blob_objects.sql");
    expect(await read()).toEqual(definition);
  });
});

/**
 * `GET /v1/blobs` (Walrus Blob objects with their status, a page at a time) and
 * `GET /v1/blobs/{blobId}`, over the real testnet checkpoints indexed by the real indexer.
 */
import { normalizeSuiAddress } from "@mysten/sui/utils";
import type { EntityEvent } from "@verity/db";
import { indexCheckpoints, walrusProcessor } from "@verity/indexer";
import { walrusEvents } from "@verity/sdk";
import { checkpoint, event } from "@verity/test-scenarios";
import { fixtures } from "@verity/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";
import { indexTestnetWalrus, TWICE_STORED_BLOB } from "./support/walrus-fixtures.ts";

const CERTIFIED_OBJECT = "0xc63d62dd862cbb60c91ea00d67ac0bb3970650fe21910f29bcd17456c99319aa";
const REGISTERED_OBJECT = "0xe83e42186366a21773ce20410d2a647a8b56b7f31e0fbb01b1b073c26ba8299c";

/** Chain time of testnet checkpoint `seq`, from the fixtures' manifest. */
const timeOf = (seq: number) =>
  fixtures.find((f) => f.network === "testnet" && f.sequence_number === seq)!.timestamp_ms;

interface BlobObject {
  network: string;
  objectId: string;
  status: string;
  size: string | null;
  registeredEpoch: number | null;
  certifiedEpoch: number | null;
  endEpoch: number | null;
  registered: EntityEvent | null;
  certified: EntityEvent | null;
  deleted: EntityEvent | null;
}
interface Listed extends BlobObject {
  blobId: string;
  timestampMs: number;
}
interface Page {
  items: Listed[];
  nextCursor: string | null;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(indexTestnetWalrus);
});
afterAll(() => api?.close());

const json = async <T>(path: string): Promise<T> => {
  const response = await api.get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

/** Every page of `path` (which has no cursor yet), following `nextCursor`. */
const allPages = async (path: string) => {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page: Page = await json<Page>(cursor ? `${path}${sep}cursor=${cursor}` : path);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 20);
  return pages;
};

/** The checkpoint of each object's first event, as the fixtures hold them: newest first. */
const FIRST_SEEN = [
  275761458, 273995602, 273995602, 273995602, 273995602, 258579946, 248054311, 248050771,
];

describe("GET /v1/blobs", () => {
  it("lists the Blob objects of the 8 real Walrus events, newest first, with their status", async () => {
    const { items, nextCursor } = await json<Page>("/v1/blobs");
    expect(nextCursor).toBeNull();
    expect(items.map((i) => i.timestampMs)).toEqual(FIRST_SEEN.map(timeOf));
    expect(new Set(items.map((i) => i.objectId)).size).toBe(8);
    expect(items.every((i) => i.network === "testnet")).toBe(true);
    // The four objects registered in checkpoint 273995602 share a time: object id breaks the tie.
    const tied = items.slice(1, 5).map((i) => i.objectId);
    expect(tied).toEqual([...tied].sort().reverse());
    // Each row is the first event's checkpoint: the registration, else the certification.
    expect(items.map((i) => (i.registered ?? i.certified)!.checkpoint)).toEqual(FIRST_SEEN);

    const [registeredAgain, certified] = items.slice(-2);
    expect(certified).toMatchObject({
      blobId: TWICE_STORED_BLOB,
      objectId: CERTIFIED_OBJECT,
      status: "certified",
      registeredEpoch: null,
      certifiedEpoch: 182,
      endEpoch: 183,
      size: null,
      registered: null,
      certified: {
        checkpoint: 248050771,
        txDigest: "6ukNiSVVC6TtvHFhCkDzA3ascUZVPBuWXQ8855XaJEcH",
        eventIndex: 0,
        objectId: CERTIFIED_OBJECT,
      },
      deleted: null,
    });
    expect(registeredAgain).toMatchObject({
      blobId: TWICE_STORED_BLOB,
      objectId: REGISTERED_OBJECT,
      status: "registered",
      registeredEpoch: 182,
      certifiedEpoch: null,
      endEpoch: 183,
      size: "63064",
      registered: { checkpoint: 248054311, eventIndex: 0, objectId: REGISTERED_OBJECT },
      certified: null,
    });
  });

  it("lists each object as GET /v1/blobs/{blobId} describes it", async () => {
    const { items } = await json<Page>("/v1/blobs?limit=100");
    for (const { blobId, timestampMs, ...object } of items) {
      const blob = await json<{ blobId: string; objects: BlobObject[] }>(`/v1/blobs/${blobId}`);
      expect(blob.objects).toContainEqual(object);
    }
    const twice = await json<{ objects: BlobObject[]; datasets: []; models: [] }>(
      `/v1/blobs/${TWICE_STORED_BLOB}`,
    );
    expect(twice.objects.map((o) => [o.objectId, o.status])).toEqual([
      [CERTIFIED_OBJECT, "certified"],
      [REGISTERED_OBJECT, "registered"],
    ]);
    expect(twice).toMatchObject({ datasets: [], models: [] });
  });

  it("filters by status", async () => {
    const certified = await json<Page>("/v1/blobs?status=certified");
    expect(certified.items.map((i) => i.objectId)).toEqual([CERTIFIED_OBJECT]);
    const registered = await json<Page>("/v1/blobs?status=registered");
    expect(registered.items).toHaveLength(7);
    expect(registered.items.every((i) => i.status === "registered")).toBe(true);
    expect(await json<Page>("/v1/blobs?status=deleted")).toEqual({ items: [], nextCursor: null });
  });

  it("filters by first-seen time: from inclusive, to exclusive", async () => {
    const t = timeOf(273995602);
    const from = await json<Page>(`/v1/blobs?from=${t}`);
    expect(from.items.map((i) => i.timestampMs)).toEqual(FIRST_SEEN.slice(0, 5).map(timeOf));
    const to = await json<Page>(`/v1/blobs?to=${t}`);
    expect(to.items.map((i) => i.timestampMs)).toEqual(FIRST_SEEN.slice(5).map(timeOf));
  });

  it("pages with a cursor, through ties, without losing or repeating an object", async () => {
    const whole = (await json<Page>("/v1/blobs")).items;
    const pages = await allPages("/v1/blobs?limit=3");
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 2]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(pages.flatMap((p) => p.items)).toEqual(whole);
    const registered = await allPages("/v1/blobs?status=registered&limit=2");
    expect(registered.flatMap((p) => p.items)).toEqual(
      whole.filter((i) => i.status === "registered"),
    );
  });

  it("answers bad parameters with one 400 problem naming the parameter", async () => {
    for (const [query, parameter] of [
      ["status=expired", "status"],
      ["status=", "status"],
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=ten", "limit"],
      ["cursor=bm9wZQ", "cursor"],
      ["cursor=!!", "cursor"],
      ["from=-1", "from"],
      ["to=soon", "to"],
    ] as const) {
      const response = await api.get(`/v1/blobs?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = (await response.json()) as { detail: string };
      expect(body.detail, query).toMatch(new RegExp(`^${parameter}: `));
      expect(body.detail).not.toContain("\n");
    }
  });

  it("is in the OpenAPI document, with its status filter", async () => {
    const doc = await json<{
      paths: Record<
        string,
        { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }
      >;
    }>("/openapi.json");
    const parameters = doc.paths["/v1/blobs"]!.get.parameters;
    expect(parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["limit", "cursor", "from", "to", "status"]),
    );
    expect(parameters.find((p) => p.name === "status")!.schema.enum).toEqual([
      "registered",
      "certified",
      "deleted",
    ]);
  });
});

describe("GET /v1/blobs over Blob objects with several events", () => {
  const WALRUS = walrusEvents.WALRUS_PACKAGE_IDS.testnet;
  const { BlobRegistered, BlobCertified, BlobDeleted } = walrusEvents.events;
  const DELETED = normalizeSuiAddress("0xd1");
  const CERTIFIED = normalizeSuiAddress("0xc1");
  const EXTENDED = normalizeSuiAddress("0xe1");
  const common = (object: string, blob: bigint) => ({
    blob_id: blob,
    object_id: object,
    end_epoch: 20,
    deletable: true,
  });
  const registered = (object: string, blob: bigint) =>
    event(
      WALRUS,
      "events",
      "BlobRegistered",
      BlobRegistered.serialize({
        ...common(object, blob),
        epoch: 10,
        size: 5,
        encoding_type: 1,
      }).toBytes(),
    );
  const certified = (object: string, blob: bigint, epoch: number, is_extension = false) =>
    event(
      WALRUS,
      "events",
      "BlobCertified",
      BlobCertified.serialize({
        ...common(object, blob),
        epoch,
        is_extension,
      }).toBytes(),
    );
  const deleted = (object: string, blob: bigint) =>
    event(
      WALRUS,
      "events",
      "BlobDeleted",
      BlobDeleted.serialize({
        ...common(object, blob),
        epoch: 12,
        was_certified: true,
      }).toBytes(),
    );
  let several: TestApi;

  beforeAll(async () => {
    several = await startTestApi((database) =>
      indexCheckpoints(
        database.db,
        [
          checkpoint(9, [[certified(EXTENDED, 3n, 9, true)]]),
          checkpoint(10, [[registered(DELETED, 1n), certified(DELETED, 1n, 10)]]),
          checkpoint(11, [[registered(CERTIFIED, 2n)]]),
          checkpoint(12, [[deleted(DELETED, 1n)], [certified(EXTENDED, 3n, 12, true)]]),
          checkpoint(13, [[certified(CERTIFIED, 2n, 11)]]),
        ],
        [walrusProcessor({ network: "testnet", packageId: WALRUS })],
      ),
    );
  });
  afterAll(() => several?.close());

  it("lists each object once, at its first event, with its current status", async () => {
    const response = await several.get("/v1/blobs");
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as Page;
    expect(items.map((i) => [i.objectId, i.status, i.timestampMs])).toEqual([
      [CERTIFIED, "certified", 1_700_000_000_011],
      [DELETED, "deleted", 1_700_000_000_010],
      [EXTENDED, "certified", 1_700_000_000_009],
    ]);
    const byStatus = async (status: string) => {
      const page = (await (await several.get(`/v1/blobs?status=${status}`)).json()) as Page;
      return page.items.map((i) => i.objectId);
    };
    expect(await byStatus("deleted")).toEqual([DELETED]);
    expect(await byStatus("certified")).toEqual([CERTIFIED, EXTENDED]);
    expect(await byStatus("registered")).toEqual([]);
  });
});

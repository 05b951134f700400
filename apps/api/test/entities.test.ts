import { normalizeSuiAddress } from "@mysten/sui/utils";
import { blobIdToInt } from "@mysten/walrus";
import { listDatasets } from "@verity/db";
import { indexCheckpoints, provenanceProcessor, walrusProcessor } from "@verity/indexer";
import { walrusEvents } from "@verity/sdk";
import {
  checkpoint,
  event,
  generative,
  provenanceScenario,
  rawTerms,
  selfRecorded,
  tightenedTerms,
} from "@verity/test-scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";

const PKG = normalizeSuiAddress("0xa91");
const WALRUS = walrusEvents.WALRUS_PACKAGE_IDS.testnet;
const BLOB_OBJECT = normalizeSuiAddress("0xb10b");
const STORIES = 35;
const T0 = 1_700_000_000_000;
let api: TestApi;
/** Blob id of `raw-0`, which the Walrus events register and certify. */
let rawBlob: string;

beforeAll(async () => {
  api = await startTestApi(async (database) => {
    await indexCheckpoints(database.db, provenanceScenario(PKG, STORIES, 500), [
      provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
    ]);
    const { items } = await listDatasets(database.db, { toMs: T0 + 1 }, { limit: 2 });
    rawBlob = items.find((d) => d.name === "raw-0")!.blobId;
    const blob = blobIdToInt(rawBlob);
    const { BlobRegistered, BlobCertified } = walrusEvents.events;
    const common = { blob_id: blob, end_epoch: 880, deletable: true, object_id: BLOB_OBJECT };
    await indexCheckpoints(
      database.db,
      [
        checkpoint(600, [
          [
            event(
              WALRUS,
              "events",
              "BlobRegistered",
              BlobRegistered.serialize({
                ...common,
                epoch: 875,
                size: 1000,
                encoding_type: 1,
              }).toBytes(),
            ),
            event(
              WALRUS,
              "events",
              "BlobCertified",
              BlobCertified.serialize({ ...common, epoch: 876, is_extension: false }).toBytes(),
            ),
          ],
        ]),
      ],
      [walrusProcessor({ network: "testnet", packageId: WALRUS })],
    );
  });
});
afterAll(() => api.close());

const json = async <T = Record<string, unknown>>(path: string, status = 200): Promise<T> => {
  const response = await api.get(path);
  expect(response.status, path).toBe(status);
  return (await response.json()) as T;
};
type Item = { id: string; name?: string; timestampMs: number };
type Page = { items: Item[]; nextCursor: string | null };
const byName = async (name: string) =>
  (
    await json<{ results: { id: string; kind: string; name: string }[] }>(`/v1/search?q=${name}`)
  ).results.find((r) => r.name === name)!;

describe("datasets", () => {
  it("gives a derived dataset with its registration, policy and event id", async () => {
    const raw = await byName("raw-3");
    const clean = await byName("clean-3");
    const body = await json(`/v1/datasets/${clean.id}`);
    expect(body).toEqual({
      id: clean.id,
      network: "testnet",
      name: "clean-3",
      creator: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      blobId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      size: "903",
      mediaType: "text/csv",
      license: "CC-BY-4.0",
      terms: rawTerms(3),
      policyId: null,
      parents: [raw.id],
      transformId: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      lineageSigned: true,
      previousId: null,
      nextId: null,
      termsChanges: [],
      revision: 1,
      timestampMs: T0 + 3000,
      retracted: false,
      retraction: null,
      event: {
        checkpoint: 503,
        txDigest: "tx-503-1",
        eventIndex: 1,
        proof: "/v1/proofs/tx-503-1/1",
        objectId: clean.id,
      },
    });
  });

  it("says whether a dataset's lineage is signed or only claimed", async () => {
    expect(selfRecorded(4)).toBe(true);
    const claimed = await json<{ lineageSigned: boolean; transformId: string }>(
      `/v1/datasets/${(await byName("clean-4")).id}`,
    );
    expect(claimed.lineageSigned).toBe(false);
    const transform = await json(`/v1/attestations/${claimed.transformId}`);
    expect(transform).toMatchObject({ signed: false, enclave: false, attesterId: null });
    const original = await json(`/v1/datasets/${(await byName("raw-4")).id}`);
    expect(original).toMatchObject({ lineageSigned: false, transformId: null, parents: [] });
  });

  it("gives a dataset its tightened terms and every change, with its event id", async () => {
    const raw = await byName("raw-9");
    const body = await json<{ terms: unknown; termsChanges: unknown[] }>(`/v1/datasets/${raw.id}`);
    expect(body.terms).toEqual(tightenedTerms(9));
    expect(body.termsChanges).toEqual([
      {
        terms: tightenedTerms(9),
        creator: expect.stringMatching(/^0x[0-9a-f]{64}$/),
        timestampMs: T0 + 9000,
        event: {
          checkpoint: 509,
          txDigest: "tx-509-4",
          eventIndex: 0,
          proof: "/v1/proofs/tx-509-4/0",
          objectId: raw.id,
        },
      },
    ]);
  });

  it("gives a retracted dataset its reason and the retraction's event id", async () => {
    const raw = await byName("raw-9");
    const body = await json<{ retracted: boolean; retraction: unknown }>(`/v1/datasets/${raw.id}`);
    expect(body.retracted).toBe(true);
    expect(body.retraction).toEqual({
      reason: "consent withdrawn",
      timestampMs: T0 + 9000,
      event: {
        checkpoint: 509,
        txDigest: "tx-509-5",
        eventIndex: 0,
        proof: "/v1/proofs/tx-509-5/0",
        objectId: raw.id,
      },
    });
  });

  it("pages through every dataset exactly once, newest first", async () => {
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await json(`/v1/datasets?limit=10${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(7);
    expect(seen).toHaveLength(2 * STORIES);
    expect(new Set(seen.map((d) => d.id)).size).toBe(2 * STORIES);
    const keys = seen.map((d) => [d.timestampMs, d.id] as const);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1));
    expect(keys).toEqual(sorted);
  });

  it("filters by retraction, creator, license and time", async () => {
    const retracted: Page = await json("/v1/datasets?retracted=true");
    expect(retracted.items.map((d) => d.name)).toEqual(["raw-29", "raw-19", "raw-9"]);
    const kept: Page = await json("/v1/datasets?retracted=false&limit=100");
    expect(kept.items).toHaveLength(2 * STORIES - 3);
    const window: Page = await json(`/v1/datasets?from=${T0 + 2000}&to=${T0 + 4000}`);
    expect(window.items.map((d) => d.name).sort()).toEqual([
      "clean-2",
      "clean-3",
      "raw-2",
      "raw-3",
    ]);
    const creator = (await json<{ creator: string }>(`/v1/datasets/${window.items[0]!.id}`))
      .creator;
    const mine: Page = await json(`/v1/datasets?creator=${creator}&license=CC-BY-4.0&limit=5`);
    expect(mine.items).toHaveLength(5);
    const none: Page = await json(`/v1/datasets?creator=0x1&license=CC-BY-4.0`);
    expect(none).toEqual({ items: [], nextCursor: null });
  });
});

describe("models, attestations, inferences, attesters, agents", () => {
  it("gives a model and lists models trained on a dataset", async () => {
    const model = await byName("model-4");
    const clean = await byName("clean-4");
    const body = await json<Record<string, unknown>>(`/v1/models/${model.id}`);
    expect(body).toMatchObject({
      id: model.id,
      name: "model-4",
      size: "4096",
      architecture: "logistic-regression",
      framework: "verity",
      generative: false,
      baseModelId: null,
      lineageSigned: true,
      datasets: [clean.id],
      constraints: [],
      timestampMs: T0 + 4000,
      event: {
        checkpoint: 504,
        txDigest: "tx-504-2",
        eventIndex: 1,
        proof: "/v1/proofs/tx-504-2/1",
        objectId: model.id,
      },
    });
    const trained: Page = await json(`/v1/models?dataset=${clean.id}`);
    expect(trained.items.map((m) => m.id)).toEqual([model.id]);
    // story 3: a generative model, on a dataset whose terms constrain (generative) training
    const constrained = await json(`/v1/models/${(await byName("model-3")).id}`);
    expect(constrained).toMatchObject({
      generative: true,
      constraints: [
        {
          dataset: (await byName("clean-3")).id,
          constraints: ["attribution", "no style imitation"],
        },
      ],
    });
  });

  it("gives attestations and inferences, filtered by kind, attester, signed and model", async () => {
    const model = await byName("model-4");
    const inferences: Page = await json(`/v1/inferences?model=${model.id}`);
    expect(inferences.items).toHaveLength(1);
    const inference = await json<{
      attestationId: string;
      attesterId: string;
      modelId: string;
      enclave: boolean;
    }>(`/v1/inferences/${inferences.items[0]!.id}`);
    expect(inference).toMatchObject({ modelId: model.id, enclave: true });
    const attestation = await json<{ kind: string; signed: boolean; inputs: string[] }>(
      `/v1/attestations/${inference.attestationId}`,
    );
    expect(attestation).toMatchObject({
      kind: "inference",
      signed: true,
      enclave: true,
      inputs: [model.id],
      inputSha256s: [expect.stringMatching(/^[0-9a-f]{64}$/)],
      outputSha256s: [expect.stringMatching(/^[0-9a-f]{64}$/)],
    });
    // every fourth story's model is generative: its training is of kind generative training
    const trainings = async (kind: string) =>
      (
        await json<Page>(
          `/v1/attestations?kind=${kind}&attester=${inference.attesterId}&signed=true&limit=100`,
        )
      ).items;
    const generativeCount = Array.from({ length: STORIES }, (_, i) => i).filter(generative).length;
    expect(generativeCount).toBeGreaterThan(0);
    expect(await trainings("training")).toHaveLength(STORIES - generativeCount);
    expect(await trainings("generative_training")).toHaveLength(generativeCount);
    expect(await trainings("generative_fine_tune")).toEqual([]);
    // every third story's transform is self-recorded: unsigned, so not by an enclave either
    const selfRecordedCount = Array.from({ length: STORIES }, (_, i) => i).filter(
      selfRecorded,
    ).length;
    const unsigned: Page = await json("/v1/attestations?signed=false&limit=100");
    expect(unsigned.items).toHaveLength(selfRecordedCount);
    expect(new Set(unsigned.items.map((a) => (a as unknown as { kind: string }).kind))).toEqual(
      new Set(["transform"]),
    );
    const byKey: Page = await json("/v1/attestations?enclave=false&limit=100");
    expect(byKey.items.map((a) => a.id).sort()).toEqual(unsigned.items.map((a) => a.id).sort());

    const attester = await json<Record<string, unknown>>(`/v1/attesters/${inference.attesterId}`);
    expect(attester).toMatchObject({
      id: inference.attesterId,
      name: "ci",
      enclaveConfigId: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      pcrs: [1, 2, 3].map((n) => n.toString(16).padStart(2, "0").repeat(48)),
      revoked: false,
      revocation: null,
      timestampMs: T0,
      event: {
        checkpoint: 500,
        txDigest: "tx-500-1",
        eventIndex: 0,
        proof: "/v1/proofs/tx-500-1/0",
      },
    });
    const config = await json(`/v1/enclave-configs/${attester.enclaveConfigId}`);
    expect(config).toMatchObject({
      id: attester.enclaveConfigId,
      name: "verity-enclave",
      pcrs: attester.pcrs,
      timestampMs: T0,
      event: {
        checkpoint: 500,
        txDigest: "tx-500-0",
        eventIndex: 0,
        proof: "/v1/proofs/tx-500-0/0",
      },
    });
    expect(attester.keys).toEqual([
      expect.objectContaining({
        keyVersion: 0,
        timestampMs: T0,
        event: {
          checkpoint: 500,
          txDigest: "tx-500-1",
          eventIndex: 0,
          proof: "/v1/proofs/tx-500-1/0",
          objectId: inference.attesterId,
        },
      }),
    ]);
    expect((await json<Page>("/v1/attesters")).items.map((a) => a.id)).toEqual([
      inference.attesterId,
    ]);
  });

  it("sums up what an address created and submitted", async () => {
    const { creator } = await json<{ creator: string }>(
      `/v1/datasets/${(await byName("raw-0")).id}`,
    );
    const agent = await json<{ counts: unknown; latest: { datasets: Item[] } }>(
      `/v1/agents/${creator}`,
    );
    expect(agent.counts).toEqual({
      datasets: 2 * STORIES,
      models: STORIES,
      attestations: 3 * STORIES,
      inferences: STORIES,
      policies: 0,
      attesters: 1,
    });
    expect(agent.latest.datasets.map((d) => d.name).sort()).toEqual(
      ["clean-32", "clean-33", "clean-34", "raw-33", "raw-34"].sort(),
    );
    await json("/v1/agents/0x1", 404);
  });

  it("lists no policies in a history without any, and 404s an unknown one", async () => {
    expect(await json("/v1/policies?kind=allowlist")).toEqual({ items: [], nextCursor: null });
    await json("/v1/policies/0x1", 404);
  });
});

describe("blobs and search", () => {
  it("finds a blob by base64url and by decimal u256, with its status and dataset", async () => {
    const byBase64 = await json<{
      blobId: string;
      objects: Record<string, unknown>[];
      datasets: Item[];
      models: Item[];
    }>(`/v1/blobs/${rawBlob}`);
    expect(byBase64.blobId).toBe(rawBlob);
    expect(byBase64.datasets.map((d) => d.name)).toEqual(["raw-0"]);
    expect(byBase64.models).toEqual([]);
    expect(byBase64.objects).toEqual([
      {
        network: "testnet",
        objectId: BLOB_OBJECT,
        status: "certified",
        size: "1000",
        encodingType: 1,
        deletable: true,
        registeredEpoch: 875,
        certifiedEpoch: 876,
        deletedEpoch: null,
        endEpoch: 880,
        registered: {
          checkpoint: 600,
          txDigest: "tx-600-0",
          eventIndex: 0,
          proof: "/v1/proofs/tx-600-0/0",
          objectId: BLOB_OBJECT,
        },
        certified: {
          checkpoint: 600,
          txDigest: "tx-600-0",
          eventIndex: 1,
          proof: "/v1/proofs/tx-600-0/1",
          objectId: BLOB_OBJECT,
        },
        deleted: null,
      },
    ]);
    const decimal = blobIdToInt(rawBlob).toString();
    expect(await json(`/v1/blobs/${decimal}`)).toEqual(byBase64);
  });

  it("names the model stored as a blob Walrus did not report", async () => {
    const model = await json<{ blobId: string }>(`/v1/models/${(await byName("model-1")).id}`);
    const blob = await json<{ objects: unknown[]; models: Item[] }>(`/v1/blobs/${model.blobId}`);
    expect(blob.objects).toEqual([]);
    expect(blob.models.map((m) => m.name)).toEqual(["model-1"]);
  });

  it("searches names (substring, case-insensitive, prefix first) and id prefixes", async () => {
    const { results } = await json<{ results: { kind: string; name: string }[] }>(
      "/v1/search?q=LEAN-1&limit=50",
    );
    expect(results.map((r) => r.name)).toEqual(
      ["clean-1", ...Array.from({ length: 10 }, (_, i) => `clean-1${i}`)].sort(),
    );
    const model = await byName("model-7");
    const byId = await json<{ results: { kind: string; id: string }[] }>(
      `/v1/search?q=${model.id.slice(0, 12).toUpperCase().replace("0X", "0x")}`,
    );
    expect(byId.results).toContainEqual(expect.objectContaining({ kind: "model", id: model.id }));
    const byBlob = await json<{ results: { kind: string; id: string }[] }>(
      `/v1/search?q=${rawBlob.slice(0, 10)}`,
    );
    expect(byBlob.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "blob", id: rawBlob }),
        expect.objectContaining({ kind: "dataset", name: "raw-0" }),
      ]),
    );
  });
});

describe("bad requests", () => {
  const problem = async (path: string, status: number) => {
    const response = await api.get(path);
    expect(response.status, path).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    return (await response.json()) as { detail: string };
  };

  it("answers malformed ids, cursors and limits with 400 problems", async () => {
    for (const path of [
      "/v1/datasets/0xnothex",
      `/v1/models/0x${"1".repeat(65)}`,
      "/v1/attestations/42",
      "/v1/datasets?cursor=bm9wZQ",
      "/v1/datasets?cursor=!!",
      "/v1/datasets?limit=0",
      "/v1/datasets?limit=1000",
      "/v1/datasets?retracted=maybe",
      "/v1/datasets?creator=alice",
      "/v1/attestations?kind=kind_7",
      "/v1/blobs/not-a-blob",
      "/v1/search?q=",
    ]) {
      await problem(path, 400);
    }
    expect((await problem("/v1/datasets?cursor=bm9wZQ", 400)).detail).toMatch(/cursor/);
  });

  it("answers unknown ids with 404 problems", async () => {
    expect((await problem("/v1/datasets/0x1", 404)).detail).toBe(
      `no dataset ${normalizeSuiAddress("0x1")}`,
    );
    for (const kind of ["models", "attestations", "inferences", "attesters", "enclave-configs"]) {
      await problem(`/v1/${kind}/0xabc`, 404);
    }
    await problem(`/v1/blobs/${"A".repeat(43)}`, 404);
  });

  it("publishes every entity route in the OpenAPI document", async () => {
    const doc = await json<{ paths: Record<string, unknown> }>("/openapi.json");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/v1/datasets",
        "/v1/datasets/{id}",
        "/v1/models/{id}",
        "/v1/attestations",
        "/v1/inferences/{id}",
        "/v1/policies/{id}",
        "/v1/attesters/{id}",
        "/v1/agents/{address}",
        "/v1/blobs/{blobId}",
        "/v1/search",
        "/v1/enclave-configs",
        "/v1/enclave-configs/{id}",
      ]),
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  type AiTerms,
  commitCheckpoint,
  type Db,
  decodeCursor,
  encodeCursor,
  getAgent,
  getAttestation,
  getAttester,
  getBlob,
  getDataset,
  getEnclaveConfig,
  getInference,
  getModel,
  getPolicy,
  InvalidCursorError,
  listAttestations,
  listDatasets,
  listEnclaveConfigs,
  listPolicies,
  type Permission,
  type Rows,
  search,
} from "../src/index.ts";
import { drivers, useDatabase } from "./support/databases.ts";
import { hex, U64_MAX } from "./support/rows.ts";

const T0 = 1_700_000_000_000;
const CREATOR = hex(1);
const eventId = (checkpoint: number, eventIndex: number) => ({
  checkpoint,
  txDigest: `tx${checkpoint}`,
  eventIndex,
});

const allowed: Permission = { use: "allowed", constraints: [] };
/** Every use allowed. */
const ALLOW_ALL: AiTerms = {
  ai_training: allowed,
  ai_generative_training: allowed,
  ai_inference: allowed,
  data_mining: allowed,
};
/** `ALLOW_ALL` with AI training constrained. */
const CONSTRAINED: AiTerms = {
  ...ALLOW_ALL,
  ai_training: { use: "constrained", constraints: ["attribution", "non-commercial"] },
};
/** `CONSTRAINED` with data mining not allowed. */
const STRICTER: AiTerms = { ...CONSTRAINED, data_mining: { use: "notAllowed", constraints: [] } };
const ENCLAVE_CONFIG = hex(0x600);
/** An enclave config the admin retired. */
const RETIRED_CONFIG = hex(0x602);
const PCRS = ["aa", "bb", "cc"].map((b) => b.repeat(48));

/**
 * 35 datasets (in pairs sharing a timestamp), a revision chain, policies, terms changes, an
 * enclave config and an enclave attester, a retired enclave config, a model trained on a
 * constrained dataset, its attestation and an inference.
 */
function sample(): Rows {
  const datasets = Array.from({ length: 35 }, (_, i) => ({
    datasetId: hex(0x100 + i),
    network: "testnet",
    creator: CREATOR,
    name: i === 0 ? "100%_real" : `set-${i}`,
    blobId: `blob${i}`,
    sha256: "ab".repeat(32),
    size: i === 0 ? U64_MAX : BigInt(i),
    mediaType: "text/csv",
    license: i % 2 === 0 ? "MIT" : "CC-BY-4.0",
    terms: i === 4 ? CONSTRAINED : ALLOW_ALL,
    policyId: i === 1 ? hex(0x900) : null,
    parents: [],
    transformId: null,
    lineageSigned: false,
    previousId: i === 2 ? hex(0x101) : null,
    revision: i === 2 ? 2 : 1,
    timestampMs: T0 + Math.floor(i / 2) * 1000,
    ...eventId(10, i),
  }));
  return {
    datasets,
    datasetPolicyChanges: [
      {
        datasetId: hex(0x101),
        policyId: hex(0x901),
        creator: CREATOR,
        timestampMs: T0,
        ...eventId(11, 0),
      },
      {
        datasetId: hex(0x103),
        policyId: hex(0x900),
        creator: CREATOR,
        timestampMs: T0,
        ...eventId(11, 1),
      },
      {
        datasetId: hex(0x103),
        policyId: null,
        creator: CREATOR,
        timestampMs: T0,
        ...eventId(12, 0),
      },
    ],
    // 0x105 tightened twice, in two checkpoints of the batch
    datasetTermsChanges: [
      {
        datasetId: hex(0x105),
        terms: CONSTRAINED,
        creator: CREATOR,
        timestampMs: T0 + 1,
        ...eventId(14, 1),
      },
      {
        datasetId: hex(0x105),
        terms: STRICTER,
        creator: CREATOR,
        timestampMs: T0 + 2,
        ...eventId(15, 1),
      },
    ],
    enclaveConfigs: [
      {
        configId: ENCLAVE_CONFIG,
        network: "testnet",
        name: "verity-enclave v1",
        pcrs: PCRS,
        admin: CREATOR,
        timestampMs: T0,
        ...eventId(8, 0),
      },
      {
        configId: RETIRED_CONFIG,
        network: "testnet",
        name: "verity-enclave v0",
        pcrs: PCRS.map((pcr) => pcr.replace(/a/g, "e")),
        admin: CREATOR,
        timestampMs: T0 - 1000,
        ...eventId(8, 1),
      },
    ],
    enclaveConfigRetirements: [
      { configId: RETIRED_CONFIG, admin: hex(2), timestampMs: T0 + 500, ...eventId(16, 0) },
    ],
    models: [
      {
        modelId: hex(0x800),
        network: "testnet",
        creator: CREATOR,
        name: "model",
        blobId: "weights",
        sha256: "cd".repeat(32),
        size: 4096n,
        architecture: "logistic-regression",
        framework: "verity",
        generative: true,
        baseModelId: null,
        trainingId: hex(0x801),
        lineageSigned: true,
        datasets: [hex(0x104)],
        constraints: [{ dataset: hex(0x104), constraints: ["attribution", "non-commercial"] }],
        timestampMs: T0 + 10_000,
        ...eventId(40, 1),
      },
    ],
    attestations: [
      {
        attestationId: hex(0x801),
        network: "testnet",
        kind: "training",
        attesterId: hex(0x700),
        signed: true,
        enclave: true,
        publicKey: "0".repeat(64),
        signature: "5".repeat(128),
        submitter: CREATOR,
        inputs: [hex(0x104)],
        inputBlobs: ["blob4"],
        inputSha256s: ["ab".repeat(32)],
        outputs: [],
        outputBlobs: ["weights"],
        outputSha256s: ["cd".repeat(32)],
        payloadDigest: "ef".repeat(32),
        timestampMs: T0 + 9_000,
        recordedMs: T0 + 10_000,
        ...eventId(40, 0),
      },
    ],
    inferences: [
      {
        inferenceId: hex(0x802),
        network: "testnet",
        attestationId: hex(0x803),
        modelId: hex(0x800),
        attesterId: hex(0x700),
        enclave: true,
        inputBlobId: "in",
        inputSha256: "00".repeat(32),
        outputBlobId: "out",
        outputSha256: "11".repeat(32),
        submitter: CREATOR,
        timestampMs: T0 + 11_000,
        ...eventId(41, 1),
      },
    ],
    policies: [
      {
        policyId: hex(0x900),
        network: "testnet",
        kind: "allowlist",
        name: "team",
        creator: CREATOR,
        capId: hex(0x950),
        unlockMs: null,
        feeMist: null,
        ttlMs: null,
        timestampMs: T0,
        ...eventId(9, 0),
      },
      {
        policyId: hex(0x901),
        network: "testnet",
        kind: "subscription",
        name: null,
        creator: CREATOR,
        capId: hex(0x951),
        unlockMs: null,
        feeMist: 10n ** 19n,
        ttlMs: 86_400_000n,
        timestampMs: T0 + 1,
        ...eventId(9, 1),
      },
    ],
    policyMemberChanges: [
      // 0xa: added, removed, added again; 0xb: added then removed; 0xc: added
      ...[
        [0xa, true],
        [0xb, true],
        [0xa, false],
        [0xc, true],
        [0xb, false],
        [0xa, true],
      ].map(([member, added], i) => ({
        policyId: hex(0x900),
        member: hex(member as number),
        added: added as boolean,
        admin: CREATOR,
        timestampMs: T0,
        ...eventId(13 + i, 0),
      })),
    ],
    attesters: [
      {
        attesterId: hex(0x700),
        network: "testnet",
        name: "enclave",
        pcrs: PCRS,
        enclaveConfigId: ENCLAVE_CONFIG,
        admin: CREATOR,
        timestampMs: T0,
        ...eventId(9, 2),
      },
    ],
    attesterKeys: [0, 1].map((v) => ({
      attesterId: hex(0x700),
      keyVersion: v,
      publicKey: `${v}`.repeat(64),
      timestampMs: T0 + v,
      ...eventId(20 + v, 0),
    })),
    attesterRevocations: [
      {
        attesterId: hex(0x700),
        publicKey: "1".repeat(64),
        admin: CREATOR,
        timestampMs: T0 + 5,
        ...eventId(30, 0),
      },
    ],
  };
}

describe("cursors", () => {
  it("round-trip a sort key and reject anything else", () => {
    const key = { timestampMs: T0, id: hex(5) };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    for (const bad of ["", "!!", "bm9wZQ", encodeCursor({ timestampMs: 1.5, id: hex(1) })]) {
      expect(() => decodeCursor(bad)).toThrow(InvalidCursorError);
    }
    expect(() =>
      decodeCursor(Buffer.from(JSON.stringify([1, "0x1"])).toString("base64url")),
    ).toThrow(InvalidCursorError);
  });
});

describe.each(drivers)("entity queries ($name)", (driver) => {
  const handle = useDatabase(driver);
  const seed = () =>
    commitCheckpoint(handle.db, "provenance", { sequenceNumber: 99, timestampMs: 0 }, sample());

  async function pageAll(db: Db, limit: number, filter = {}) {
    const ids: string[] = [];
    let after: { timestampMs: number; id: string } | undefined;
    for (;;) {
      const page = await listDatasets(db, filter, after ? { limit, after } : { limit });
      ids.push(...page.items.map((d) => d.id));
      if (!page.nextCursor) return ids;
      after = decodeCursor(page.nextCursor);
    }
  }

  it("pages through 35 datasets 10 at a time, each exactly once, newest first", async () => {
    await seed();
    const ids = await pageAll(handle.db, 10);
    expect(ids).toHaveLength(35);
    expect(new Set(ids).size).toBe(35);
    // pairs share a timestamp: newest pair first, higher id first within it
    expect(ids.slice(0, 3)).toEqual([hex(0x100 + 34), hex(0x100 + 33), hex(0x100 + 32)]);
    expect(await pageAll(handle.db, 7, { license: "MIT" })).toHaveLength(18);
    await expect(listDatasets(handle.db, {}, { limit: 0 })).rejects.toThrow(RangeError);
    await expect(listDatasets(handle.db, {}, { limit: 101 })).rejects.toThrow(RangeError);
  });

  it("gives a dataset's current policy, versions and exact u64 size", async () => {
    await seed();
    const first = await getDataset(handle.db, hex(0x100));
    expect(first?.size).toBe(U64_MAX.toString());
    const v1 = await getDataset(handle.db, hex(0x101));
    expect(v1).toMatchObject({ policyId: hex(0x901), previousId: null, nextId: hex(0x102) });
    const v2 = await getDataset(handle.db, hex(0x102));
    expect(v2).toMatchObject({ policyId: null, previousId: hex(0x101), nextId: null });
    // set, then cleared: the latest change holds even when it clears the policy
    expect((await getDataset(handle.db, hex(0x103)))?.policyId).toBeNull();
    expect(await getDataset(handle.db, hex(0x1))).toBeUndefined();
  });

  it("gives a dataset's terms in force and the history of their tightening", async () => {
    await seed();
    const tightened = await getDataset(handle.db, hex(0x105));
    expect(tightened).toMatchObject({ terms: STRICTER, lineageSigned: false });
    expect(tightened?.termsChanges).toEqual([
      {
        terms: CONSTRAINED,
        creator: CREATOR,
        timestampMs: T0 + 1,
        event: { ...eventId(14, 1), objectId: hex(0x105) },
      },
      {
        terms: STRICTER,
        creator: CREATOR,
        timestampMs: T0 + 2,
        event: { ...eventId(15, 1), objectId: hex(0x105) },
      },
    ]);
    expect(await getDataset(handle.db, hex(0x104))).toMatchObject({
      terms: CONSTRAINED,
      termsChanges: [],
    });
    const page = await listDatasets(handle.db, {}, { limit: 100 });
    expect(page.items.find((d) => d.id === hex(0x105))?.terms).toEqual(STRICTER);
  });

  it("gives models with their constraints, attestations with blob digests, and what signed them", async () => {
    await seed();
    expect(await getModel(handle.db, hex(0x800))).toMatchObject({
      generative: true,
      lineageSigned: true,
      constraints: [{ dataset: hex(0x104), constraints: ["attribution", "non-commercial"] }],
    });
    expect(await getAttestation(handle.db, hex(0x801))).toMatchObject({
      signed: true,
      enclave: true,
      inputBlobs: ["blob4"],
      inputSha256s: ["ab".repeat(32)],
      outputBlobs: ["weights"],
      outputSha256s: ["cd".repeat(32)],
    });
    const byEnclave = (enclave: boolean) =>
      listAttestations(handle.db, { enclave }, { limit: 10 }).then((p) => p.items.map((a) => a.id));
    expect([await byEnclave(true), await byEnclave(false)]).toEqual([[hex(0x801)], []]);
    expect((await getInference(handle.db, hex(0x802)))?.enclave).toBe(true);
  });

  it("gives enclave configs, their retirement, and the config an enclave attester was registered against", async () => {
    await seed();
    const config = {
      id: ENCLAVE_CONFIG,
      network: "testnet",
      name: "verity-enclave v1",
      pcrs: PCRS,
      admin: CREATOR,
      timestampMs: T0,
      event: { ...eventId(8, 0), objectId: ENCLAVE_CONFIG },
      retirement: null,
    };
    const retired = {
      id: RETIRED_CONFIG,
      network: "testnet",
      name: "verity-enclave v0",
      pcrs: PCRS.map((pcr) => pcr.replace(/a/g, "e")),
      admin: CREATOR,
      timestampMs: T0 - 1000,
      event: { ...eventId(8, 1), objectId: RETIRED_CONFIG },
      retirement: {
        admin: hex(2),
        timestampMs: T0 + 500,
        event: { ...eventId(16, 0), objectId: RETIRED_CONFIG },
      },
    };
    expect(await getEnclaveConfig(handle.db, ENCLAVE_CONFIG)).toEqual(config);
    expect(await getEnclaveConfig(handle.db, RETIRED_CONFIG)).toEqual(retired);
    expect(await getEnclaveConfig(handle.db, hex(0x601))).toBeUndefined();
    expect(await listEnclaveConfigs(handle.db, { admin: CREATOR }, { limit: 5 })).toEqual({
      items: [config, retired],
      nextCursor: null,
    });
    expect(await listEnclaveConfigs(handle.db, { admin: hex(2) }, { limit: 5 })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await getAttester(handle.db, hex(0x700))).toMatchObject({
      pcrs: PCRS,
      enclaveConfigId: ENCLAVE_CONFIG,
    });
  });

  it("gives an allowlist's current members and u64 policy values as decimals", async () => {
    await seed();
    const allowlist = await getPolicy(handle.db, hex(0x900));
    expect(allowlist?.members).toEqual([hex(0xa), hex(0xc)]);
    expect(allowlist?.event).toEqual({ ...eventId(9, 0), objectId: hex(0x900) });
    const subscription = await getPolicy(handle.db, hex(0x901));
    expect(subscription).toMatchObject({
      feeMist: "10000000000000000000",
      ttlMs: "86400000",
      members: [],
    });
    const page = await listPolicies(handle.db, { kind: "subscription" }, { limit: 10 });
    expect(page.items.map((p) => p.id)).toEqual([hex(0x901)]);
  });

  it("gives an attester's key history and revocation", async () => {
    await seed();
    const attester = await getAttester(handle.db, hex(0x700));
    expect(attester?.revoked).toBe(true);
    expect(attester?.keys.map((k) => [k.keyVersion, k.event.checkpoint])).toEqual([
      [0, 20],
      [1, 21],
    ]);
    expect(attester?.revocation).toEqual({
      publicKey: "1".repeat(64),
      timestampMs: T0 + 5,
      event: { ...eventId(30, 0), objectId: hex(0x700) },
    });
  });

  it("searches names with LIKE wildcards taken literally", async () => {
    await seed();
    expect((await search(handle.db, "100%_")).map((r) => r.name)).toEqual(["100%_real"]);
    expect(await search(handle.db, "%")).toEqual([
      { kind: "dataset", id: hex(0x100), name: "100%_real", blobId: "blob0" },
    ]);
    const byId = await search(handle.db, hex(0x900).slice(0, 64).toUpperCase().replace("X", "x"));
    expect(byId.map((r) => [r.kind, r.id])).toEqual([
      ["policy", hex(0x900)],
      ["policy", hex(0x901)],
    ]);
    const byBlob = await search(handle.db, "blob3");
    expect(byBlob.map((r) => r.id)).toEqual([
      hex(0x103),
      ...[30, 31, 32, 33, 34].map((i) => hex(0x100 + i)),
    ]);
    await expect(search(handle.db, "")).rejects.toThrow(RangeError);
  });

  it("sums up an agent and knows blobs only through what names them", async () => {
    await seed();
    const agent = await getAgent(handle.db, CREATOR, 2);
    expect(agent?.counts).toEqual({
      datasets: 35,
      models: 1,
      attestations: 1,
      inferences: 1,
      policies: 2,
      attesters: 1,
    });
    expect(agent?.latest.datasets).toHaveLength(2);
    expect(await getAgent(handle.db, hex(0xdead))).toBeUndefined();
    expect((await getBlob(handle.db, "blob3"))?.datasets.map((d) => d.id)).toEqual([hex(0x103)]);
    expect(await getBlob(handle.db, "nothing")).toBeUndefined();
  });
});

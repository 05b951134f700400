/**
 * What the API says about trust: a dataset's terms for AI use and whether its lineage is signed,
 * a model's constraints, enclave attesters and their configs, and, on every lineage edge an
 * attestation backs, whether it is signed (by an enclave or a plain key) or only claimed, in
 * JSON, PROV-JSON and OpenLineage alike.
 */
import { indexCheckpoints } from "@verity/indexer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProvDocument } from "../src/exports/prov-json.ts";
import { startTestApi, type TestApi } from "./support/api.ts";
import { TRUST, trustProcessors, trustScenario } from "./support/trust-scenario.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi((database) =>
    indexCheckpoints(database.db, trustScenario(900), trustProcessors()),
  );
});
afterAll(() => api?.close());

const json = async <T = Record<string, unknown>>(path: string): Promise<T> => {
  const response = await api.get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const allowed = { use: "allowed", constraints: [] };

type Edge = {
  kind: string;
  src: string;
  dst: string;
  signed: boolean | null;
  enclave: boolean | null;
};

describe("entities", () => {
  it("gives a dataset's terms in the C2PA / CAWG shape, and whether its lineage is signed", async () => {
    expect(await json(`/v1/datasets/${TRUST.raw}`)).toMatchObject({
      terms: {
        ai_training: { use: "constrained", constraints: [TRUST.constraint] },
        ai_generative_training: { use: "notAllowed", constraints: [] },
        ai_inference: allowed,
        data_mining: allowed,
      },
      lineageSigned: false,
      termsChanges: [],
    });
    expect(await json(`/v1/datasets/${TRUST.claimed}`)).toMatchObject({
      transformId: TRUST.claimedTransform,
      lineageSigned: false,
    });
    expect(await json(`/v1/datasets/${TRUST.enclaveSigned}`)).toMatchObject({
      transformId: TRUST.signedTransform,
      lineageSigned: true,
    });
  });

  it("gives a model's generative flag, signed training and constraints", async () => {
    expect(await json(`/v1/models/${TRUST.model}`)).toMatchObject({
      generative: false,
      lineageSigned: true,
      datasets: [TRUST.raw],
      constraints: [{ dataset: TRUST.raw, constraints: [TRUST.constraint] }],
    });
  });

  it("gives attestations' enclave flag and the SHA-256 of each blob, and filters by enclave", async () => {
    const transform = await json(`/v1/attestations/${TRUST.signedTransform}`);
    expect(transform).toMatchObject({
      signed: true,
      enclave: true,
      inputSha256s: [hex(new Uint8Array(32).fill(2))],
      outputSha256s: [hex(new Uint8Array(32).fill(3))],
    });
    expect(await json(`/v1/attestations/${TRUST.claimedTransform}`)).toMatchObject({
      signed: false,
      enclave: false,
    });
    const enclaves = await json<{ items: { id: string }[] }>("/v1/attestations?enclave=true");
    expect(enclaves.items.map((a) => a.id).sort()).toEqual(
      [TRUST.signedTransform, TRUST.training].sort(),
    );
  });

  it("gives an enclave attester its config, and the config its PCRs and retirement", async () => {
    expect(await json(`/v1/attesters/${TRUST.enclaveAttester}`)).toMatchObject({
      enclaveConfigId: TRUST.enclaveConfig,
      pcrs: TRUST.pcrs.map(hex),
      revoked: false,
    });
    const config = await json<{ admin: string }>(`/v1/enclave-configs/${TRUST.enclaveConfig}`);
    expect(config).toMatchObject({
      id: TRUST.enclaveConfig,
      name: "trust-image",
      pcrs: TRUST.pcrs.map(hex),
      event: { checkpoint: 900, eventIndex: 0, objectId: TRUST.enclaveConfig },
      retirement: {
        admin: config.admin,
        timestampMs: TRUST.enclaveConfigRetiredMs,
        event: { checkpoint: 900, eventIndex: 0, objectId: TRUST.enclaveConfig },
      },
    });
    expect(await json("/v1/enclave-configs")).toEqual({ items: [config], nextCursor: null });
    expect((await api.get("/v1/enclave-configs/0x1")).status).toBe(404);
  });
});

describe("lineage", () => {
  const edgesOf = async (id: string) =>
    (await json<{ edges: Edge[] }>(`/v1/lineage/${id}?direction=both&depth=1`)).edges;
  const edge = (edges: Edge[], kind: string, src: string, dst: string) =>
    edges.find((e) => e.kind === kind && e.src === src && e.dst === dst);

  it("says of each derivation edge whether it is signed, and by an enclave, or claimed", async () => {
    const claimed = await edgesOf(TRUST.claimed);
    expect(edge(claimed, "wasDerivedFrom", TRUST.claimed, TRUST.raw)).toMatchObject({
      signed: false,
    });
    expect(edge(claimed, "wasGeneratedBy", TRUST.claimed, TRUST.claimedTransform)).toMatchObject({
      signed: false,
    });
    expect(claimed.find((e) => e.kind === "wasAttributedTo")).toMatchObject({
      signed: null,
      enclave: null,
    });
    const signed = await edgesOf(TRUST.enclaveSigned);
    expect(edge(signed, "wasDerivedFrom", TRUST.enclaveSigned, TRUST.claimed)).toMatchObject({
      signed: true,
      enclave: true,
    });
    const stored = signed.find((e) => e.kind === "storedAs");
    expect(stored).toMatchObject({ signed: null, enclave: null });
  });

  it("puts verity:signed and verity:enclave on the PROV relations an attestation backs", async () => {
    const doc = await json<ProvDocument>(`/v1/lineage/${TRUST.enclaveSigned}/prov?depth=1`);
    const derived = Object.values(doc.wasDerivedFrom).find(
      (r) => r["prov:usedEntity"] === `sui:${TRUST.claimed}`,
    );
    expect(derived).toMatchObject({ "verity:signed": true, "verity:enclave": true });
    const stored = Object.values(doc.wasDerivedFrom).find((r) => r["prov:type"] !== undefined);
    expect(stored).not.toHaveProperty("verity:signed");
    const claimed = await json<ProvDocument>(`/v1/lineage/${TRUST.claimed}/prov?depth=1`);
    const fromRaw = Object.values(claimed.wasDerivedFrom).find(
      (r) => r["prov:usedEntity"] === `sui:${TRUST.raw}`,
    );
    expect(fromRaw).toMatchObject({ "verity:signed": false });
  });
});

import { normalizeSuiAddress } from "@mysten/sui/utils";
import {
  type AiTerms,
  datasets,
  models,
  type ProvEdge,
  type ProvLineage,
  type ProvNode,
} from "@verity/db";
import { indexCheckpoints, provenanceProcessor } from "@verity/indexer";
import type { EdgeKind, NodeKind } from "@verity/sdk";
import { provenanceScenario, rawTerms, selfRecorded } from "@verity/test-scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  type RunEvent,
  toOpenLineage,
  uuidV5,
  VERITY_RUN_NAMESPACE,
} from "../src/exports/openlineage.ts";
import { type ProvDocument, toProvJson } from "../src/exports/prov-json.ts";
import { startTestApi, type TestApi } from "./support/api.ts";

/**
 * The required fields of an OpenLineage 2-0-2 RunEvent (BaseEvent + run + job, datasets and
 * facets), from https://openlineage.io/spec/2-0-2/OpenLineage.json.
 */
const Facet = z.looseObject({ _producer: z.url(), _schemaURL: z.url() });
const Facets = z.record(z.string(), Facet).optional();
const Dataset = z.looseObject({ namespace: z.string(), name: z.string(), facets: Facets });
const RunEventSchema = z.looseObject({
  eventTime: z.iso.datetime(),
  producer: z.url(),
  schemaURL: z.url(),
  eventType: z.enum(["START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"]).optional(),
  run: z.looseObject({ runId: z.uuid(), facets: Facets }),
  job: z.looseObject({ namespace: z.string(), name: z.string(), facets: Facets }),
  inputs: z.array(Dataset).optional(),
  outputs: z.array(Dataset).optional(),
});

const eventId = (n: number) => ({ checkpoint: 100 + n, txDigest: `tx${n}`, eventIndex: n });
const node = (id: string, kind: NodeKind, provType: ProvNode["provType"], n: number): ProvNode => ({
  id,
  kind,
  provType,
  depth: 0,
  retracted: false,
  tainted: false,
  event: eventId(n),
});
/** An edge no attestation backs, or (`enclave` given) one an enclave attester signed or not. */
const edge = (
  kind: EdgeKind,
  src: string,
  dst: string,
  n: number,
  enclave?: boolean,
): ProvEdge => ({
  kind,
  src,
  dst,
  signed: enclave === undefined ? null : true,
  enclave: enclave ?? null,
  event: eventId(n),
});
/**
 * v2 revises v1 under a policy; a transform (signed by an enclave) used v1 and generated v2 and
 * its blob.
 */
const small: ProvLineage = {
  nodes: [
    { ...node("0xv2", "dataset", "entity", 1), label: "v2" },
    { ...node("0xv1", "dataset", "entity", 2), label: "v1", retracted: true, tainted: true },
    { ...node("0xt", "attestation", "activity", 3), subkind: "transform", timestampMs: 5000 },
    node("Blob_v2-", "blob", "entity", 4),
    node("0xpolicy", "policy", "entity", 5),
    node("0xattester", "attester", "agent", 6),
  ],
  edges: [
    edge("wasRevisionOf", "0xv2", "0xv1", 7),
    edge("governedBy", "0xv2", "0xpolicy", 8),
    edge("used", "0xt", "0xv1", 9, true),
    edge("wasGeneratedBy", "0xv2", "0xt", 10, true),
    edge("wasGeneratedBy", "Blob_v2-", "0xt", 11, true),
    edge("storedAs", "0xv2", "Blob_v2-", 12),
    edge("wasAssociatedWith", "0xt", "0xattester", 13, true),
  ],
  truncated: false,
};
/** v1's terms: AI training only non-commercially, generative training not at all. */
const v1Terms: AiTerms = {
  ai_training: { use: "constrained", constraints: ["non-commercial", "attribution"] },
  ai_generative_training: { use: "notAllowed", constraints: [] },
  ai_inference: { use: "allowed", constraints: [] },
  data_mining: { use: "allowed", constraints: [] },
};
const terms = new Map([["0xv1", v1Terms]]);
const eventIdAttrs = (n: number) => ({
  "verity:checkpoint": 100 + n,
  "verity:txDigest": `tx${n}`,
  "verity:eventIndex": n,
  "verity:proof": `/v1/proofs/tx${n}/${n}`,
});
const qname = ($: string) => ({ $, type: "xsd:QName" });

describe("toProvJson", () => {
  it("maps nodes to PROV records and every edge kind to its relation, each with its event id", () => {
    const doc = toProvJson(small, terms);
    expect(Object.keys(doc.prefix)).toEqual(["verity", "sui", "walrus"]);
    expect(doc.entity["sui:0xv1"]).toEqual({
      "prov:type": qname("verity:dataset"),
      "prov:label": "v1",
      "verity:retracted": true,
      "verity:tainted": true,
      "verity:ai_training": "constrained",
      "verity:ai_training_constraints": ["non-commercial", "attribution"],
      "verity:ai_generative_training": "notAllowed",
      "verity:ai_inference": "allowed",
      "verity:data_mining": "allowed",
      ...eventIdAttrs(2),
    });
    expect(doc.entity["sui:0xv2"]).not.toHaveProperty("verity:ai_training"); // terms not given
    expect(Object.keys(doc.entity)).toEqual([
      "sui:0xv2",
      "sui:0xv1",
      "walrus:Blob_v2-",
      "sui:0xpolicy",
    ]);
    expect(doc.activity["sui:0xt"]).toMatchObject({
      "verity:subkind": "transform",
      "verity:timestampMs": 5000,
      ...eventIdAttrs(3),
    });
    expect(Object.keys(doc.agent)).toEqual(["sui:0xattester"]);
    expect(doc.wasDerivedFrom).toEqual({
      "_:wasRevisionOf1": {
        "prov:generatedEntity": "sui:0xv2",
        "prov:usedEntity": "sui:0xv1",
        "prov:type": qname("prov:Revision"),
        ...eventIdAttrs(7),
      },
      "_:storedAs1": {
        "prov:generatedEntity": "sui:0xv2",
        "prov:usedEntity": "walrus:Blob_v2-",
        "prov:type": qname("verity:storedAs"),
        ...eventIdAttrs(12),
      },
    });
    expect(doc.wasInfluencedBy).toEqual({
      "_:governedBy1": {
        "prov:influencee": "sui:0xv2",
        "prov:influencer": "sui:0xpolicy",
        "prov:type": qname("verity:governedBy"),
        ...eventIdAttrs(8),
      },
    });
    expect(doc.used).toEqual({
      "_:used1": {
        "prov:activity": "sui:0xt",
        "prov:entity": "sui:0xv1",
        "verity:signed": true,
        "verity:enclave": true,
        ...eventIdAttrs(9),
      },
    });
    expect(Object.values(doc.wasGeneratedBy).map((r) => r["prov:entity"])).toEqual([
      "sui:0xv2",
      "walrus:Blob_v2-",
    ]);
    expect(doc.wasAssociatedWith["_:wasAssociatedWith1"]).toEqual({
      "prov:activity": "sui:0xt",
      "prov:agent": "sui:0xattester",
      "verity:signed": true,
      "verity:enclave": true,
      ...eventIdAttrs(13),
    });
  });
});

describe("toOpenLineage", () => {
  it("gives one valid COMPLETE RunEvent per activity, with its inputs, outputs and event ids", () => {
    const events = toOpenLineage(small, "testnet", terms);
    expect(events).toHaveLength(1);
    RunEventSchema.parse(events[0]);
    const event = events[0] as RunEvent;
    expect(event).toMatchObject({
      eventType: "COMPLETE",
      eventTime: "1970-01-01T00:00:05.000Z",
      run: {
        runId: uuidV5(VERITY_RUN_NAMESPACE, "0xt"),
        facets: { verity: { kind: "attestation", event: eventId(3) } },
      },
      job: { namespace: "verity:testnet", name: "transform" },
    });
    expect(event.inputs).toEqual([
      expect.objectContaining({ namespace: "sui:testnet", name: "0xv1" }),
    ]);
    expect(event.inputs[0]!.facets.verityTerms).toEqual({
      _producer: "https://verity.dev/api",
      _schemaURL: "https://verity.dev/spec/openlineage/VerityTermsFacet.json",
      ...v1Terms,
    });
    expect(event.outputs[0]!.facets).not.toHaveProperty("verityTerms");
    expect(event.outputs.map((d) => `${d.namespace}/${d.name}`)).toEqual([
      "sui:testnet/0xv2",
      "walrus:testnet/Blob_v2-",
    ]);
    expect(event.outputs[0]!.facets.verity).toMatchObject({ label: "v2", event: eventId(1) });
  });

  it("derives run ids as RFC 9562 UUIDv5 (checked against Python's uuid.uuid5)", () => {
    const DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    expect(uuidV5(DNS, "python.org")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    expect(VERITY_RUN_NAMESPACE).toBe("0dc8baa0-be74-5127-9661-a1a9643e49f0");
    expect(uuidV5(VERITY_RUN_NAMESPACE, "0xabc")).toBe("7accb8ed-705a-5665-9c27-e6c51ef0ad5b");
  });
});

describe("exports over HTTP", () => {
  const PKG = normalizeSuiAddress("0xa91");
  let api: TestApi;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    api = await startTestApi((database) =>
      indexCheckpoints(database.db, provenanceScenario(PKG, 2, 500), [
        provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
      ]),
    );
    for (const d of await api.database.db.select().from(datasets)) ids.set(d.name, d.datasetId);
    for (const m of await api.database.db.select().from(models)) ids.set(m.name, m.modelId);
  });
  afterAll(() => api?.close());

  it("/prov gives the PROV-JSON of a small story, as application/json", async () => {
    const clean = ids.get("clean-1")!;
    const raw = ids.get("raw-1")!;
    const response = await api.get(`/v1/lineage/${clean}/prov?depth=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await response.json()) as ProvDocument;
    expect(Object.keys(doc.entity)).toHaveLength(3); // clean-1, raw-1, clean-1's blob
    expect(doc.entity[`sui:${clean}`]).toMatchObject({
      "prov:label": "clean-1",
      "verity:txDigest": "tx-501-1",
      "verity:checkpoint": 501,
      "verity:eventIndex": 1,
    });
    expect(Object.keys(doc.activity)).toHaveLength(1); // the transform
    expect(Object.keys(doc.agent)).toHaveLength(1); // the creator
    expect(doc.entity[`sui:${raw}`]).toMatchObject({
      "verity:ai_training": rawTerms(1).ai_training.use,
      "verity:ai_training_constraints": rawTerms(1).ai_training.constraints,
    });
    const derived = Object.values(doc.wasDerivedFrom).find((r) => !r["prov:type"]);
    expect(selfRecorded(1)).toBe(true); // clean-1's lineage is only claimed
    expect(derived).toEqual({
      "prov:generatedEntity": `sui:${clean}`,
      "prov:usedEntity": `sui:${raw}`,
      "verity:signed": false,
      "verity:enclave": false,
      "verity:checkpoint": 501,
      "verity:txDigest": "tx-501-1",
      "verity:eventIndex": 1,
      "verity:proof": "/v1/proofs/tx-501-1/1",
    });
    expect(Object.keys(doc.used)).toHaveLength(1); // transform used raw-1
    expect(Object.keys(doc.wasGeneratedBy)).toHaveLength(2); // clean-1 and its blob
    expect(Object.keys(doc.wasAttributedTo)).toHaveLength(2); // clean-1 and raw-1
    for (const relation of Object.values(doc).slice(1)) {
      for (const record of Object.values(relation)) {
        expect(record).toHaveProperty("verity:txDigest");
      }
    }
  });

  it("/openlineage links each run's outputs to the next run's inputs", async () => {
    const response = await api.get(`/v1/lineage/${ids.get("model-1")}/openlineage?depth=3`);
    expect(response.status).toBe(200);
    const events = (await response.json()) as RunEvent[];
    for (const event of events) RunEventSchema.parse(event);
    expect(events.map((e) => e.job.name)).toEqual(["training", "transform"]);
    const [training, transform] = events as [RunEvent, RunEvent];
    const names = (datasets: RunEvent["inputs"]) => datasets.map((d) => d.name);
    expect(names(transform.inputs)).toContain(ids.get("raw-1"));
    expect(names(transform.outputs)).toContain(ids.get("clean-1"));
    expect(names(training.inputs)).toContain(ids.get("clean-1"));
    const clean = training.inputs.find((d) => d.name === ids.get("clean-1"))!;
    expect(clean.facets.verityTerms).toMatchObject(rawTerms(1));
    expect(names(training.outputs)).toContain(ids.get("model-1"));
    expect(training.run.facets.verity.event).toEqual({
      checkpoint: 501,
      txDigest: "tx-501-2",
      eventIndex: 0,
      proof: "/v1/proofs/tx-501-2/0",
    });
    expect(training.eventTime).toBe("2023-11-14T22:13:21.000Z");
  });
});

import { normalizeSuiAddress } from "@mysten/sui/utils";
import { attestations, attesters, datasets, models, type ProvLineage } from "@verity/db";
import { indexCheckpoints, provenanceProcessor } from "@verity/indexer";
import { provenanceScenario } from "@verity/test-scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../src/server.ts";
import { startTestApi, type TestApi } from "./support/api.ts";

const PKG = normalizeSuiAddress("0xa91");
/** Story i is checkpoint 500 + i; story 9 retracts its raw dataset. */
const STORIES = 10;
let api: TestApi;
/** Object ids by name (`raw-3`, `model-3`, `ci`, ...) and attestation ids by `<kind>-<story>`. */
const ids = new Map<string, string>();
let creator: string;

beforeAll(async () => {
  api = await startTestApi((database) =>
    indexCheckpoints(database.db, provenanceScenario(PKG, STORIES, 500), [
      provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
    ]),
  );
  const db = api.database.db;
  for (const d of await db.select().from(datasets)) ids.set(d.name, d.datasetId);
  for (const m of await db.select().from(models)) ids.set(m.name, m.modelId);
  for (const a of await db.select().from(attesters)) ids.set(a.name, a.attesterId);
  for (const a of await db.select().from(attestations)) {
    ids.set(`${a.kind}-${a.checkpoint - 500}`, a.attestationId);
  }
  creator = (await db.select().from(datasets))[0]!.creator;
});
afterAll(() => api.close());

const id = (name: string) => {
  const found = ids.get(name);
  if (!found) throw new Error(`no ${name} in the scenario`);
  return found;
};
const lineageOf = async (start: string, query = "") => {
  const response = await api.get(`/v1/lineage/${start}${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ProvLineage;
};
const nodeOf = (l: ProvLineage, nodeId: string) => {
  const node = l.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`${nodeId} is not in the lineage`);
  return node;
};

describe("GET /v1/lineage/{id}", () => {
  it("gives a model's upstream lineage, every node with the id of the event that made it", async () => {
    const l = await lineageOf(id("model-3"), "?direction=upstream&depth=3");
    const eventId = (txDigest: string, eventIndex: number, checkpoint = 503) => ({
      checkpoint,
      txDigest,
      eventIndex,
      proof: `/v1/proofs/${txDigest}/${eventIndex}`,
    });
    const expected = [
      [id("model-3"), "model", "entity", "model-3", 0, eventId("tx-503-2", 1)],
      [id("clean-3"), "dataset", "entity", "clean-3", 1, eventId("tx-503-1", 1)],
      // model-3 is generative: its training is of kind generative training
      [
        id("generative_training-3"),
        "attestation",
        "activity",
        undefined,
        1,
        eventId("tx-503-2", 0),
      ],
      [id("raw-3"), "dataset", "entity", "raw-3", 2, eventId("tx-503-0", 0)],
      [id("transform-3"), "attestation", "activity", undefined, 2, eventId("tx-503-1", 0)],
      [id("ci"), "attester", "agent", "ci", 2, eventId("tx-500-1", 0, 500)],
      // the creator's first edge: raw-0 wasAttributedTo it, after the enclave config's creation
      // and the attester's registration
      [creator, "agent", "agent", undefined, 1, eventId("tx-500-2", 0, 500)],
    ] as const;
    for (const [nodeId, kind, provType, label, depth, p] of expected) {
      expect(nodeOf(l, nodeId)).toMatchObject({
        kind,
        provType,
        ...(label && { label }),
        depth,
        retracted: false,
        tainted: false,
        event: p,
      });
    }
    expect(nodeOf(l, id("transform-3")).subkind).toBe("transform");
    expect(nodeOf(l, id("generative_training-3")).subkind).toBe("generative_training");
    expect(nodeOf(l, creator).label).toBeUndefined();
    expect(l.nodes[0]!.id).toBe(id("model-3"));
    expect(l.nodes.filter((n) => n.kind === "blob")).toHaveLength(3); // raw, clean, weights
    expect(l.truncated).toBe(false);
    expect(l.edges).toContainEqual({
      kind: "wasGeneratedBy",
      src: id("model-3"),
      dst: id("generative_training-3"),
      signed: true,
      enclave: true,
      event: eventId("tx-503-2", 1),
    });
    const inLineage = new Set(l.nodes.map((n) => n.id));
    for (const e of l.edges) expect(inLineage.has(e.src) && inLineage.has(e.dst)).toBe(true);
  });

  it("flags everything downstream of a retracted dataset as tainted", async () => {
    const l = await lineageOf(id("raw-9"), "?direction=downstream&depth=25");
    expect(l.nodes.map((n) => n.kind).sort()).toEqual(
      [
        ...["dataset", "dataset", "model"],
        ...["attestation", "attestation", "attestation", "inference"],
        ...["blob", "blob", "blob"], // clean and weights (generated), the inference's output
      ].sort(),
    );
    for (const n of l.nodes) {
      expect(n.tainted, `${n.kind} ${n.id}`).toBe(true);
      expect(n.taintedBy, `${n.kind} ${n.id}`).toBe(id("raw-9"));
    }
    expect(l.nodes.filter((n) => n.retracted).map((n) => n.id)).toEqual([id("raw-9")]);
  });

  it("taints upstream nodes only when they themselves came from the retraction", async () => {
    const l = await lineageOf(id("model-9"), "?depth=25");
    const tainted = (nodeId: string) => nodeOf(l, nodeId).tainted;
    expect(tainted(id("model-9"))).toBe(true);
    expect(tainted(id("clean-9"))).toBe(true);
    expect(tainted(id("raw-9"))).toBe(true);
    expect(tainted(id("ci"))).toBe(false);
    expect(tainted(creator)).toBe(false);
    expect(nodeOf(l, id("raw-9")).retracted).toBe(true);
    // story 8 shares only the attester and the creator with story 9
    const other = await lineageOf(id("model-8"), "?depth=25");
    expect(other.nodes.some((n) => n.tainted)).toBe(false);
  });

  it("caps the node count and says so", async () => {
    const l = await lineageOf(id("model-3"), "?maxNodes=2");
    expect(l.nodes).toHaveLength(2);
    expect(l.truncated).toBe(true);
  });

  it("answers as SQL does from the graph in memory, with what is indexed after it loaded", async () => {
    expect(api.graph.size, "the test API reads the graph in memory").toBeGreaterThan(0);
    const before = [api.graph.size, api.graph.nodeCount];
    // one more story (checkpoint 510): new nodes tied to the attester and the creator
    await indexCheckpoints(
      api.database.db,
      provenanceScenario(PKG, STORIES + 1, 500).slice(STORIES),
      [provenanceProcessor({ network: "testnet", packageIds: [PKG] })],
    );
    const sql = await startApiServer({ database: api.database, network: "testnet" }, { port: 0 });
    try {
      const starts = [id("raw-0"), id("model-3"), id("training-5"), id("ci"), creator];
      for (const start of starts) {
        for (const query of [
          "?direction=both&depth=6",
          "?direction=downstream&depth=25&maxNodes=7",
        ]) {
          const path = `/v1/lineage/${start}${query}`;
          const fromSql = await (await fetch(`${sql.url}${path}`)).json();
          expect(await lineageOf(start, query), path).toEqual(fromSql);
        }
      }
    } finally {
      await sql.close();
    }
    expect(api.graph.size, "edges indexed after the load were added").toBeGreaterThan(
      before[0] as number,
    );
    expect(api.graph.nodeCount, "and their nodes").toBeGreaterThan(before[1] as number);
  });

  it("answers depth 0 with the node alone", async () => {
    const l = await lineageOf(id("ci"), "?direction=both&depth=0");
    expect(l.nodes).toEqual([
      expect.objectContaining({ id: id("ci"), kind: "attester", label: "ci", depth: 0 }),
    ]);
    expect(l.edges).toEqual([]);
  });

  it.each([
    ["depth=26", "depth: depth must be an integer from 0 to 25"],
    ["depth=-1", "depth: depth must be an integer from 0 to 25"],
    ["depth=1000000000", "depth: depth must be an integer from 0 to 25"],
    ["depth=abc", "depth: depth must be an integer from 0 to 25"],
    ["depth=1.5", "depth: depth must be an integer from 0 to 25"],
    ["maxNodes=0", "maxNodes: maxNodes must be an integer from 1 to 5000"],
    ["maxNodes=5001", "maxNodes: maxNodes must be an integer from 1 to 5000"],
    ["direction=sideways", "direction: "],
  ])("refuses ?%s with a 400 problem", async (query, detail) => {
    const response = await api.get(`/v1/lineage/${id("model-3")}?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { type: string; detail: string };
    expect(body.type).toBe("https://verity.dev/problems/invalid-request");
    expect(body.detail.startsWith(detail)).toBe(true);
  });

  it("answers an id nothing names with a 404 problem", async () => {
    const unknown = normalizeSuiAddress("0x404");
    for (const path of ["", "/prov", "/openlineage"]) {
      const response = await api.get(`/v1/lineage/${unknown}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        type: "https://verity.dev/problems/not-found",
        detail: `no entity, blob or edge has id ${unknown}`,
      });
    }
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await api.get("/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/v1/lineage/{id}",
        "/v1/lineage/{id}/prov",
        "/v1/lineage/{id}/openlineage",
      ]),
    );
  });
});

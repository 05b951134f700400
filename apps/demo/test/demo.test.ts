/**
 * `runDemo` end to end, on both drivers: the demo's checkpoint files go through the indexer
 * into a fresh database, and the real API, over HTTP, serves the graph the issue asks for.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { committeeFromBcs, proofBundleFromJson, verifyProofBundle } from "@verity/checkpoints";
import {
  datasets,
  type EventId,
  openDatabase,
  type ProvLineage,
  type ProvNode,
  readWatermark,
} from "@verity/db";
import { databaseStore, provenanceProcessor, runIndexer } from "@verity/indexer";
import { provenanceScenario } from "@verity/test-scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDemo } from "../src/index.ts";
import { COMMITTEE_FILE } from "../src/run.ts";
import {
  type DemoPlace,
  freshPlace,
  type ServedDemo,
  serveDemo,
  serveRun,
} from "./support/demo-database.ts";

const EVENT_ID = {
  checkpoint: expect.any(Number),
  txDigest: expect.stringMatching(/^[1-9A-HJ-NP-Za-km-z]{43,44}$/),
  eventIndex: expect.any(Number),
};

describe.each(["postgres", "pglite"] as const)("the demo indexed into %s", (driver) => {
  let place: DemoPlace;
  let demo: ServedDemo;
  beforeAll(async () => {
    place = await freshPlace(driver);
    demo = await serveDemo(place);
  }, 180_000);
  afterAll(async () => {
    await demo?.close();
    await place?.drop();
  });

  const lineage = async (id: string, query: string) => {
    const response = await demo.get(`/v1/lineage/${id}?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ProvLineage;
  };
  /** The executed transaction an event id points at, by checkpoint (one transaction each). */
  const txAt = (checkpoint: number) => demo.run.story.chain.executed[checkpoint]!.digest;

  it("serves the model's upstream: datasets, transform, training, attester, each with an event id", async () => {
    const { story } = demo.run;
    const graph = await lineage(story.model.id, "direction=upstream");
    const node = (id: string): ProvNode => {
      const found = graph.nodes.find((n) => n.id === id);
      if (!found) throw new Error(`${id} is not upstream of the model`);
      return found;
    };
    expect(node(story.raw.id)).toMatchObject({
      kind: "dataset",
      label: story.raw.name,
      event: EVENT_ID,
    });
    expect(node(story.clean.id)).toMatchObject({
      kind: "dataset",
      label: story.clean.name,
      event: EVENT_ID,
    });
    expect(node(story.clean.transformId)).toMatchObject({
      kind: "attestation",
      subkind: "transform",
      event: EVENT_ID,
    });
    expect(node(story.model.trainingId)).toMatchObject({
      kind: "attestation",
      subkind: "training",
      event: EVENT_ID,
    });
    expect(node(story.attester.id)).toMatchObject({
      kind: "attester",
      label: story.attester.name,
      event: EVENT_ID,
    });
    // The event ids point at the demo's own transactions: raw dataset registered in checkpoint 3,
    // the training and the model together in checkpoint 5.
    const at = (checkpoint: number, eventIndex: number) => ({
      checkpoint,
      txDigest: txAt(checkpoint),
      eventIndex,
      proof: `/v1/proofs/${txAt(checkpoint)}/${eventIndex}`,
    });
    expect(node(story.raw.id).event).toEqual(at(3, 0));
    expect(node(story.model.trainingId).event).toEqual(at(5, 0));
    expect(node(story.model.id).event).toEqual(at(5, 1));
    for (const edge of graph.edges) expect(edge.event).toMatchObject(EVENT_ID);
  });

  it("proves every node and edge of the model's upstream against the demo committee", async () => {
    const { story } = demo.run;
    const response = await demo.get(
      `/v1/lineage/${story.model.id}?direction=upstream&proofs=inline`,
    );
    const graph = (await response.json()) as ProvLineage & {
      nodes: { event: EventId & { proof: string } }[];
      edges: { event: EventId & { proof: string } }[];
      proofs: Record<string, unknown>;
    };
    const committee = committeeFromBcs(
      await readFile(join(place.options.dir, "checkpoints", COMMITTEE_FILE)),
    );
    const elements = [...graph.nodes, ...graph.edges];
    expect(elements.length).toBeGreaterThan(10);
    for (const element of elements) {
      const { event } = element;
      const { proof } = event;
      expect(proof).toBe(`/v1/proofs/${event.txDigest}/${event.eventIndex}`);
      const bundle = proofBundleFromJson(graph.proofs[proof]);
      const verdict = verifyProofBundle(bundle, committee);
      if (!verdict.ok) throw new Error(`${proof}: ${verdict.reason}`);
      expect(verdict.proven.checkpoint).toBe(BigInt(event.checkpoint));
      expect(verdict.proven.certificate.votingPower).toBe(7500n);
      // served alone, the same bundle
      expect(await (await demo.get(proof)).json()).toEqual(graph.proofs[proof]);
    }
    // a changed byte of the events stops the proof at the events step
    const first = graph.edges[0]!;
    const json = graph.proofs[first.event.proof] as { events: string };
    const events = Buffer.from(json.events, "base64");
    events[events.length - 1] = (events[events.length - 1] as number) ^ 1;
    const tampered = proofBundleFromJson({ ...json, events: events.toString("base64") });
    expect(verifyProofBundle(tampered, committee)).toMatchObject({ ok: false, failed: "events" });
  });

  it("flags everything downstream of the retracted dataset as tainted", async () => {
    const { story } = demo.run;
    const graph = await lineage(story.raw.id, "direction=downstream&depth=6");
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get(story.raw.id)).toMatchObject({ retracted: true, tainted: true });
    const downstream = [story.clean.id, story.heldOut.id, story.model.id];
    for (const id of [...downstream, ...story.inferences.map((x) => x.id)])
      expect(byId.get(id)).toMatchObject({ retracted: false, tainted: true });
  });

  it("tells signed lineage from claimed, and an enclave's signature from a key's", async () => {
    const { story } = demo.run;
    const graph = await lineage(story.clean.id, "direction=both&depth=6");
    const edge = (kind: string, src: string, dst: string) => {
      const found = graph.edges.find((e) => e.kind === kind && e.src === src && e.dst === dst);
      if (!found) throw new Error(`no ${kind} edge ${src} -> ${dst}`);
      return { signed: found.signed, enclave: found.enclave };
    };
    const byKey = { signed: true, enclave: false };
    expect(edge("wasDerivedFrom", story.clean.id, story.raw.id)).toEqual(byKey);
    expect(edge("wasGeneratedBy", story.clean.id, story.clean.transformId)).toEqual(byKey);
    expect(edge("wasDerivedFrom", story.model.id, story.clean.id)).toEqual(byKey);
    expect(edge("wasGeneratedBy", story.model.id, story.model.trainingId)).toEqual(byKey);
    const claimed = { signed: false, enclave: false };
    expect(edge("wasDerivedFrom", story.heldOut.id, story.clean.id)).toEqual(claimed);
    expect(edge("wasGeneratedBy", story.heldOut.id, story.heldOut.splitId)).toEqual(claimed);
    for (const x of story.inferences)
      expect(edge("used", x.id, story.model.id)).toEqual({ signed: true, enclave: x.enclave });
    expect(story.inferences.map((x) => x.enclave)).toContain(true);
    expect(story.inferences.map((x) => x.enclave)).toContain(false);
    // Edges no attestation backs say neither.
    const stored = graph.edges.filter((e) => e.kind === "storedAs" || e.kind === "governedBy");
    expect(stored.length).toBeGreaterThan(0);
    for (const e of stored) expect([e.signed, e.enclave]).toEqual([null, null]);
  });

  it("serves the datasets' AI-use terms and the constraints they put on the model", async () => {
    const { story } = demo.run;
    const get = async (path: string) => {
      const response = await demo.get(path);
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    expect(await get(`/v1/datasets/${story.raw.id}`)).toMatchObject({
      terms: story.termsChange.terms,
      lineageSigned: false,
      termsChanges: [{ terms: story.termsChange.terms, creator: story.steward }],
    });
    expect(await get(`/v1/datasets/${story.clean.id}`)).toMatchObject({
      terms: story.clean.terms,
      lineageSigned: true,
    });
    expect(await get(`/v1/datasets/${story.heldOut.id}`)).toMatchObject({
      terms: story.heldOut.terms,
      lineageSigned: false,
    });
    expect(await get(`/v1/models/${story.model.id}`)).toMatchObject({
      generative: false,
      lineageSigned: true,
      datasets: [story.clean.id],
      constraints: story.model.constraints,
    });
    expect(await get(`/v1/attesters/${story.enclave.attesterId}`)).toMatchObject({
      enclaveConfigId: story.enclave.configId,
      pcrs: story.enclave.pcrs,
    });
    expect(await get(`/v1/attesters/${story.attester.id}`)).toMatchObject({
      enclaveConfigId: null,
      pcrs: [],
    });
  });

  it("verifies every signature, by the lab's key or by its enclave", async () => {
    const { story } = demo.run;
    const attestations = [
      { id: story.clean.transformId, enclave: false },
      { id: story.model.trainingId, enclave: false },
      { id: story.model.evaluationId, enclave: false },
      ...story.inferences.map((x) => ({ id: x.attestationId, enclave: x.enclave })),
    ];
    for (const { id, enclave } of attestations) {
      const response = await demo.post("/v1/verify/attestation", { attestationId: id });
      expect(response.status).toBe(200);
      const verdict = (await response.json()) as { valid: boolean; checks: { ok: boolean }[] };
      expect(verdict).toMatchObject({
        valid: true,
        signed: true,
        attesterKind: enclave ? "enclave" : "key",
        enclaveConfigId: enclave ? story.enclave.configId : null,
      });
      expect(verdict.checks.every((check) => check.ok)).toBe(true);
    }
    const split = await demo.post("/v1/verify/attestation", {
      attestationId: story.heldOut.splitId,
    });
    expect(await split.json()).toMatchObject({ signed: false, valid: false });
  });

  it("identifies the dataset's bytes as the registered dataset", async () => {
    const { story, artifacts } = demo.run;
    const response = await demo.post("/v1/verify/blob", artifacts.raw.content.bytes);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      blobId: artifacts.raw.content.blobId,
      size: 67_119,
      matches: [{ kind: "dataset", id: story.raw.id, event: { checkpoint: 3, txDigest: txAt(3) } }],
    });
  });

  it("runs again into the same database without changing it", async () => {
    const before = await lineage(demo.run.story.model.id, "direction=both&depth=6");
    await demo.close(); // the demo opens the database itself (PGlite: one holder at a time)
    const again = await runDemo(place.options);
    demo = await serveRun(again);
    expect(again.alreadyIndexed).toBe(true);
    expect(again.story.model.id).toBe(demo.run.story.model.id);
    expect(await lineage(demo.run.story.model.id, "direction=both&depth=6")).toEqual(before);
  });
});

describe("a database that holds other checkpoints", () => {
  it("is refused, and left as it was", async () => {
    const place = await freshPlace("postgres");
    try {
      const database = await openDatabase({ url: place.options.databaseUrl! });
      const pkg = `0x${"e1".repeat(32)}`;
      await runIndexer({
        source: {
          description: "a synthetic chain",
          async *stream(from) {
            for (const c of provenanceScenario(pkg, 2, 500)) if (c.sequenceNumber >= from) yield c;
          },
        },
        store: databaseStore(database.db),
        processors: [provenanceProcessor({ network: "testnet", packageIds: [pkg] })],
        firstCheckpoint: 500n,
      });
      await database.close();
      await expect(runDemo(place.options)).rejects.toThrow(
        /already holds other indexed checkpoints \(provenance watermark 501\).*needs a database of its own/,
      );
      const after = await openDatabase({ url: place.options.databaseUrl! });
      try {
        expect(await readWatermark(after.db, "provenance")).toBe(501);
        expect((await after.db.select().from(datasets)).map((d) => d.name).sort()).toEqual([
          "clean-0",
          "clean-1",
          "raw-0",
          "raw-1",
        ]);
      } finally {
        await after.close();
      }
    } finally {
      await place.drop();
    }
  });
});

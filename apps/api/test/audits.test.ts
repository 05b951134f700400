/**
 * `POST /v1/audits` over real HTTP, on a graph the indexer built from the provenance scenario
 * (`runIndexer` -> `commitBatch`), plus a retraction, an attester revocation and a story signed
 * after it, and a dataset whose license is not SPDX: each rule passing and failing, as of now
 * and as of a checkpoint.
 */
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { blobIdFromInt } from "@mysten/walrus";
import { indexCheckpoints, provenanceProcessor, walrusProcessor } from "@verity/indexer";
import { attester, dataset, termsToBcs, walrusEvents } from "@verity/sdk";
import {
  checkpoint,
  event,
  provenanceScenario,
  STORY_ATTESTER,
  STORY_CREATOR,
  storyBlob,
  storyIds,
} from "@verity/test-scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";

const PKG = normalizeSuiAddress("0xa0d17");
const stories = provenanceScenario(PKG, 12, 1000);
/** Story 5's raw dataset, registered under a license that is not an SPDX expression. */
const UNLICENSED = storyIds(5).raw;
const NOT_SPDX = "Penguin Public License";
for (const tx of stories[5]!.transactions)
  for (const e of tx.events) {
    if (e.struct !== "DatasetRegistered") continue;
    const registered = dataset.DatasetRegistered.parse(e.contents);
    if (registered.dataset_id === UNLICENSED)
      e.contents = dataset.DatasetRegistered.serialize({
        ...registered,
        license: NOT_SPDX,
      }).toBytes();
  }
const ours = (module: string, struct: string, bytes: Uint8Array) =>
  event(PKG, module, struct, bytes, STORY_CREATOR);
/**
 * After stories 0-9: raw 0 retracted (1010), the attester revoked (1011), story 11 (1012), the
 * Walrus blobs of story 2 registered and all but the raw one certified until epoch 10 (1013),
 * story 2's derived dataset's AI training constrained (1014), then not allowed (1015).
 */
const RETRACTED_AT = 1010;
const REVOKED_AT = 1011;
const STORED_AT = 1013;
const CONSTRAINED_AT = 1014;
const CLOSED_AT = 1015;
/** Story 2's derived dataset's terms, with AI training `use`d so. */
const termsSet = (sequenceNumber: number, use: "constrained" | "notAllowed") =>
  checkpoint(sequenceNumber, [
    [
      ours(
        "dataset",
        "DatasetTermsSet",
        dataset.DatasetTermsSet.serialize({
          dataset_id: storyIds(2).derived,
          terms: termsToBcs({
            ai_training: { use, constraints: use === "constrained" ? ["research only"] : [] },
            ai_generative_training: { use: "notAllowed", constraints: [] },
            ai_inference: { use: "allowed", constraints: [] },
            data_mining: { use: "allowed", constraints: [] },
          }),
          creator: STORY_CREATOR,
          timestamp_ms: sequenceNumber,
        }).toBytes(),
      ),
    ],
  ]);
const STORED_BLOBS = ["raw", "derived", "weights"] as const;
const walrusEvent = (struct: string, bytes: Uint8Array) =>
  event(walrusEvents.WALRUS_PACKAGE_IDS.testnet, "events", struct, bytes);
/** Story 2's blob `name` as its Walrus events say: object `0x<i>`, at epoch 5, until epoch 10. */
const blobEvents = (name: (typeof STORED_BLOBS)[number], i: number) => {
  const blob = { epoch: 5, blob_id: storyBlob(name, 2), end_epoch: 10, deletable: false };
  const object_id = normalizeSuiAddress(`0xb10b${i}`);
  const registered = walrusEvents.BlobRegistered.serialize({
    ...blob,
    size: 1000,
    encoding_type: 1,
    object_id,
  });
  const certified = walrusEvents.BlobCertified.serialize({
    ...blob,
    object_id,
    is_extension: false,
  });
  return [
    walrusEvent("BlobRegistered", registered.toBytes()),
    ...(name === "raw" ? [] : [walrusEvent("BlobCertified", certified.toBytes())]),
  ];
};
const checkpoints = [
  ...stories.slice(0, 10),
  checkpoint(RETRACTED_AT, [
    [
      ours(
        "dataset",
        "DatasetRetracted",
        dataset.DatasetRetracted.serialize({
          dataset_id: storyIds(0).raw,
          creator: STORY_CREATOR,
          reason: "consent withdrawn",
          timestamp_ms: 1,
        }).toBytes(),
      ),
    ],
  ]),
  checkpoint(REVOKED_AT, [
    [
      ours(
        "attester",
        "AttesterRevoked",
        attester.AttesterRevoked.serialize({
          attester_id: STORY_ATTESTER,
          public_key: [],
          admin: STORY_CREATOR,
          timestamp_ms: 2,
        }).toBytes(),
      ),
    ],
  ]),
  { ...stories[11]!, sequenceNumber: 1012n },
  checkpoint(STORED_AT, [STORED_BLOBS.flatMap(blobEvents)]),
  termsSet(CONSTRAINED_AT, "constrained"),
  termsSet(CLOSED_AT, "notAllowed"),
];

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi((database) =>
    indexCheckpoints(database.db, checkpoints, [
      provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
      walrusProcessor({ network: "testnet", packageId: walrusEvents.WALRUS_PACKAGE_IDS.testnet }),
    ]),
  );
});
afterAll(() => api.close());

interface Finding {
  node?: string;
  edge?: { kind: string; src: string; dst: string };
  reason: string;
  event: { checkpoint: number; txDigest: string; eventIndex: number; proof: string } | null;
}
interface Report {
  subject: { id: string; kind: string };
  asOf: number | null;
  verdict: "pass" | "fail";
  upstream: { nodes: number; edges: number; truncated: boolean };
  rules: { rule: string; passed: boolean; checked: number; findings: Finding[] }[];
}

const post = (body: unknown) =>
  api.get("/v1/audits", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
async function audit(body: Record<string, unknown>): Promise<Report> {
  const response = await post(body);
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
}
const rule = (report: Report, name: string) => report.rules.find((r) => r.rule === name);
const failed = (report: Report) => report.rules.filter((r) => !r.passed).map((r) => r.rule);

describe("POST /v1/audits", () => {
  it("passes a model whose whole upstream is licensed, unretracted and signed", async () => {
    const { model, raw, derived } = storyIds(2);
    const report = await audit({ subject: model });
    expect(report).toMatchObject({ subject: { id: model, kind: "model" }, asOf: null });
    expect(report.verdict).toBe("pass");
    expect(report.rules.map((r) => [r.rule, r.passed])).toEqual([
      ["limits", true],
      ["licenses", true],
      ["consent", true],
      ["attestation", true],
    ]);
    expect(rule(report, "licenses")?.checked).toBe(2); // raw and derived
    expect(report.upstream.nodes).toBeGreaterThan(5);
    // Allowed licenses: CC-BY-4.0 passes, MIT alone does not (each dataset a finding).
    const allowed = await audit({
      subject: model,
      policy: { licenses: { allowed: ["CC-BY-4.0"] } },
    });
    expect(allowed.verdict).toBe("pass");
    const mit = await audit({ subject: model, policy: { licenses: { allowed: ["MIT"] } } });
    expect(failed(mit)).toEqual(["licenses"]);
    const findings = rule(mit, "licenses")!.findings;
    expect(findings.map((f) => f.node).sort()).toEqual([derived, raw].sort());
    expect(findings[0]!.reason).toContain(
      "CC-BY-4.0 is not satisfied by the allowed licenses (MIT)",
    );
    expect(findings[0]!.event).toMatchObject({ checkpoint: 1002 });
    expect(findings[0]!.event!.proof).toBe(
      `/v1/proofs/${findings[0]!.event!.txDigest}/${findings[0]!.event!.eventIndex}`,
    );
  });

  it("fails a license that is not SPDX, whatever is allowed", async () => {
    const report = await audit({ subject: storyIds(5).model });
    expect(failed(report)).toEqual(["licenses"]);
    expect(rule(report, "licenses")!.findings).toEqual([
      expect.objectContaining({
        node: UNLICENSED,
        reason: expect.stringContaining(`its license "${NOT_SPDX}" is not an SPDX expression`),
        event: expect.objectContaining({ checkpoint: 1005 }),
      }),
    ]);
  });

  it("fails consent on a retraction upstream, naming it and its event; passes as of before it", async () => {
    const { model, raw, derived } = storyIds(0);
    const now = await audit({ subject: model });
    expect(failed(now)).toEqual(["consent"]);
    const findings = rule(now, "consent")!.findings;
    const retraction = findings.find((f) => f.node === raw);
    expect(retraction).toMatchObject({
      reason: expect.stringContaining("was retracted: consent withdrawn"),
      event: { checkpoint: RETRACTED_AT, txDigest: `tx-${RETRACTED_AT}-0`, eventIndex: 0 },
    });
    // What came from it is tainted, each finding pointing at the retraction.
    const derivedFinding = findings.find((f) => f.node === derived);
    expect(derivedFinding?.reason).toContain(`comes from retracted dataset ${raw}`);
    expect(derivedFinding?.event).toEqual(retraction?.event);

    const before = await audit({ subject: model, asOf: RETRACTED_AT - 1 });
    expect(before).toMatchObject({ asOf: RETRACTED_AT - 1, verdict: "pass" });
    expect(before.upstream).toEqual(now.upstream);
  });

  it("serves the lineage as of a checkpoint: the retraction and its taint not yet there", async () => {
    const { model, raw, derived } = storyIds(0);
    const lineage = async (query: string) => {
      const response = await api.get(`/v1/lineage/${model}?direction=upstream&depth=10${query}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        nodes: { id: string; retracted: boolean; tainted: boolean; taintedBy?: string }[];
      };
      return new Map(body.nodes.map((n) => [n.id, n]));
    };
    const now = await lineage("");
    expect(now.get(raw)).toMatchObject({ retracted: true, tainted: true, taintedBy: raw });
    expect(now.get(derived)).toMatchObject({ retracted: false, tainted: true, taintedBy: raw });
    const before = await lineage(`&asOf=${RETRACTED_AT - 1}`);
    expect([...before.keys()].sort()).toEqual([...now.keys()].sort());
    for (const node of before.values()) {
      expect(node).toMatchObject({ retracted: false, tainted: false });
      expect(node.taintedBy).toBeUndefined();
    }
    const early = await api.get(`/v1/lineage/${model}?asOf=999`);
    expect(early.status).toBe(404);
    expect(((await early.json()) as { detail: string }).detail).toContain(
      "was created at checkpoint 1000, after checkpoint 999",
    );
    expect((await api.get(`/v1/lineage/${model}?asOf=-1`)).status).toBe(400);
  });

  it("fails attestation on links only claimed by their submitter, unless the policy turns it off", async () => {
    const { model, derived } = storyIds(1); // story 1's transform is self-recorded
    const report = await audit({ subject: model });
    expect(failed(report)).toEqual(["attestation"]);
    const findings = rule(report, "attestation")!.findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.reason).toContain("claimed by its submitter, not signed by an attester");
      expect(f.event?.checkpoint).toBe(1001);
    }
    expect(findings.map((f) => f.edge)).toContainEqual(
      expect.objectContaining({ kind: "wasGeneratedBy", src: derived }),
    );
    const off = await audit({ subject: model, policy: { attestation: false } });
    expect(off.verdict).toBe("pass");
    expect(off.rules.map((r) => r.rule)).toEqual(["limits", "licenses", "consent"]);
  });

  it("fails attestation signed by an attester revoked before it signed, not after", async () => {
    const late = await audit({ subject: storyIds(11).model });
    expect(failed(late)).toEqual(["attestation"]);
    const findings = rule(late, "attestation")!.findings;
    expect(findings.map((f) => f.node).sort()).toEqual(
      [storyIds(11).transform, storyIds(11).training].sort(),
    );
    for (const f of findings) {
      expect(f.reason).toContain(`revoked at checkpoint ${REVOKED_AT}`);
      expect(f.event).toMatchObject({ checkpoint: REVOKED_AT });
    }
    // Story 2 was signed before the revocation: still valid.
    expect((await audit({ subject: storyIds(2).model })).verdict).toBe("pass");
  });

  it("with allowed enclaves, fails attestations not signed by one of them", async () => {
    const { model, transform, training } = storyIds(2);
    /** PCR `n` of the scenario's enclave image: 48 bytes of `n`. */
    const pcr = (n: number) => n.toString(16).padStart(2, "0").repeat(48);
    const ours = await audit({
      subject: model,
      policy: { allowedEnclaves: [[pcr(1), pcr(2), `0x${pcr(3)}`]] },
    });
    expect(ours.verdict).toBe("pass");
    const other = await audit({
      subject: model,
      policy: { allowedEnclaves: [[pcr(1), pcr(2), pcr(4)]] },
    });
    expect(failed(other)).toEqual(["attestation"]);
    const findings = rule(other, "attestation")!.findings;
    expect(findings.map((f) => f.node).sort()).toEqual([training, transform].sort());
    for (const f of findings) {
      expect(f.reason).toContain("an enclave whose PCRs are not among the allowed");
      expect(f.event).toMatchObject({ checkpoint: 1002 });
    }
    const malformed = await post({ subject: model, policy: { allowedEnclaves: [[pcr(1)]] } });
    expect(malformed.status).toBe(400);
  });

  it("fails terms when a dataset's terms in force forbid what an activity did with it", async () => {
    const { model, training, derived } = storyIds(2);
    const terms = { terms: true, consent: false, attestation: false };
    const now = await audit({ subject: model, policy: terms });
    expect(failed(now)).toEqual(["terms"]);
    expect(rule(now, "terms")!.findings).toEqual([
      expect.objectContaining({
        node: training,
        edge: { kind: "used", src: training, dst: derived },
        reason: expect.stringContaining("whose terms for AI use do not allow ai_training"),
        event: expect.objectContaining({ checkpoint: CLOSED_AT }),
      }),
    ]);
    // Constrained is allowed: as of the first change, the training was within the terms.
    const before = await audit({ subject: model, policy: terms, asOf: CONSTRAINED_AT });
    expect(before.verdict).toBe("pass");
    expect(rule(before, "terms")!.checked).toBe(1);
  });

  it("fails availability on blobs not certified or stored too briefly, passes those stored", async () => {
    const { model } = storyIds(2);
    const base64 = (name: (typeof STORED_BLOBS)[number]) => blobIdFromInt(storyBlob(name, 2));
    const availability = (policy: object, asOf?: number) =>
      audit({ subject: model, policy: { availability: policy, consent: false }, asOf });
    const reasons = (report: Report) =>
      Object.fromEntries(
        rule(report, "availability")!.findings.map((f) => [
          f.node,
          f.reason.slice(f.reason.indexOf(": ") + 2),
        ]),
      );
    // Newest epoch indexed is 5: two epochs ahead needs an end epoch of 7; the raw blob was
    // registered, never certified.
    const ahead = await availability({ epochsAhead: 2 });
    expect(failed(ahead)).toEqual(["availability"]);
    expect(rule(ahead, "availability")!.checked).toBe(3);
    expect(reasons(ahead)).toEqual({ [base64("raw")]: "registered, never certified" });
    expect(rule(ahead, "availability")!.findings[0]!.event).toMatchObject({
      checkpoint: STORED_AT,
    });
    const later = await availability({ minEndEpoch: 11 });
    expect(reasons(later)).toEqual({
      [base64("raw")]: "registered, never certified",
      [base64("derived")]: "stored until epoch 10 (exclusive), short of epoch 11",
      [base64("weights")]: "stored until epoch 10 (exclusive), short of epoch 11",
    });
    const before = await availability({ minEndEpoch: 1 }, STORED_AT - 1);
    expect(Object.values(reasons(before))).toEqual(
      Array(3).fill("no Walrus event of it is indexed: nothing shows it is stored"),
    );
  });

  it("fails the limits: an upstream longer than the depth, or larger than maxNodes", async () => {
    const { model } = storyIds(2);
    const shallow = await audit({ subject: model, policy: { limits: { depth: 1 } } });
    expect(failed(shallow)).toEqual(["limits"]);
    expect(rule(shallow, "limits")!.findings[0]).toEqual({
      reason: "the upstream is longer than 1 hops",
      event: null,
    });
    const small = await audit({ subject: model, policy: { limits: { maxNodes: 3 } } });
    expect(small.upstream).toMatchObject({ nodes: 3, truncated: true });
    expect(rule(small, "limits")!.findings.map((f) => f.reason)).toContain(
      "the upstream holds more than 3 nodes: the rest were not checked",
    );
  });

  it("serves a model's training-content summary, each fact with its proof", async () => {
    const { model, raw, derived, transform, training } = storyIds(2);
    const response = await api.get(`/v1/models/${model}/training-summary`);
    expect(response.status).toBe(200);
    const summary = (await response.json()) as {
      general: { model: { id: string; name: { value: string; event: { proof: string } } } };
      dataSources: { datasets: { id: string; role: string; license: string }[] };
      processing: { activities: { id: string; kind: string }[] };
      notOnChain: string[];
    };
    expect(summary.general.model.id).toBe(model);
    expect(summary.general.model.name.event.proof).toMatch(/^\/v1\/proofs\//);
    expect(summary.dataSources.datasets.map((d) => [d.id, d.role, d.license])).toEqual([
      [raw, "source", "CC-BY-4.0"],
      [derived, "trainedOn", "CC-BY-4.0"],
    ]);
    expect(summary.processing.activities.map((a) => [a.kind, a.id])).toEqual([
      ["transform", transform],
      ["training", training],
    ]);
    expect(summary.notOnChain).toContain("dataSources.categories");
    expect((await api.get(`/v1/models/${raw}/training-summary`)).status).toBe(404);
  });

  it("refuses a malformed policy naming each problem, and answers 404 for an unknown subject", async () => {
    const bad = await post({
      subject: storyIds(2).model,
      policy: { licenses: { allowed: ["CC-BY-4.0", "GPL"] }, provenance: {} },
    });
    expect(bad.status).toBe(400);
    const { detail } = (await bad.json()) as { detail: string };
    expect(detail).toContain("GPL is not an SPDX license id");
    expect(detail).toContain("provenance");
    const unknown = await post({ subject: normalizeSuiAddress("0x404") });
    expect(unknown.status).toBe(404);
    const tooEarly = await post({ subject: storyIds(2).model, asOf: 1001 });
    expect(tooEarly.status).toBe(404);
    expect(((await tooEarly.json()) as { detail: string }).detail).toContain("at checkpoint 1001");
  });
});

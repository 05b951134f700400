import { readFileSync } from "node:fs";
import { fromHex } from "@mysten/bcs";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { blobIdFromInt } from "@mysten/walrus";
import { verityEvents } from "@verity/sdk";
import { describe, expect, it } from "vitest";
import { provenanceProcessor } from "../src/pipelines/provenance/processor.ts";
import { checkpoint, event } from "./support/checkpoints.ts";

const PKG = normalizeSuiAddress("0x7e51");
const vectors = (
  JSON.parse(
    readFileSync(
      new URL("../../../packages/sdk/test/fixtures/golden-vectors.json", import.meta.url),
      "utf8",
    ),
  ) as {
    vectors: { type: string; bcs: string; expected: Record<string, unknown> }[];
  }
).vectors.filter((v) => {
  const [module, struct] = v.type.split("::") as [keyof typeof verityEvents, string];
  return Object.hasOwn(verityEvents, module) && Object.hasOwn(verityEvents[module], struct);
});
const golden = (type: string) => vectors.find((v) => v.type === type)!;
const goldenEvent = (type: string, contents = fromHex(golden(type).bcs)) => {
  const [module, struct] = type.split("::") as [string, string];
  return event(PKG, module, struct, contents);
};
const processor = provenanceProcessor({ network: "testnet", packageIds: [PKG] });

describe("provenance processor on events the Move VM emitted (golden vectors)", () => {
  it("has a golden vector for every verity event", () => {
    expect(vectors).toHaveLength(16);
  });

  it("turns every verity event into rows, quarantining none", () => {
    const { rows, quarantined } = processor.process(
      checkpoint(
        7,
        vectors.map((v) => [goldenEvent(v.type)]),
      ),
    );
    expect(quarantined).toEqual([]);
    expect(Object.keys(rows).sort()).toEqual([
      "attestations",
      "attesterKeys",
      "attesterRevocations",
      "attesters",
      "datasetPolicyChanges",
      "datasetRetractions",
      "datasets",
      "edges",
      "feeWithdrawals",
      "inferences",
      "models",
      "policies",
      "policyMemberChanges",
      "subscriptions",
    ]);
    expect(rows.policies).toHaveLength(3);
    expect(rows.attesterKeys?.map((k) => k.keyVersion)).toEqual([0, 1]);
  });

  it("records a derived dataset with its blob in Walrus's base64 form, its proof handle and its PROV edges", () => {
    const expected = golden("dataset::DatasetRegistered").expected;
    const { rows } = processor.process(
      checkpoint(42, [[], [goldenEvent("dataset::DatasetRegistered")]]),
    );
    const blobId = blobIdFromInt(BigInt(expected.blob_id as string));
    expect(rows.datasets).toEqual([
      expect.objectContaining({
        datasetId: expected.dataset_id,
        blobId,
        size: 900n,
        parents: expected.parents,
        transformId: expected.transform,
        checkpoint: 42,
        txDigest: "tx-42-1",
        eventIndex: 0,
      }),
    ]);
    expect(rows.edges?.map((e) => [e.kind, e.dst, e.dstKind])).toEqual([
      ["storedAs", blobId, "blob"],
      ["wasAttributedTo", expected.creator, "agent"],
      ["wasDerivedFrom", (expected.parents as string[])[0], "dataset"],
      ["wasGeneratedBy", expected.transform, "attestation"],
    ]);
    expect(
      rows.edges?.every((e) => e.src === expected.dataset_id && e.txDigest === "tx-42-1"),
    ).toBe(true);
  });

  it("links a signed attestation to its inputs, outputs and attester", () => {
    const expected = golden("attestation::AttestationRecorded").expected;
    const { rows } = processor.process(
      checkpoint(1, [[goldenEvent("attestation::AttestationRecorded")]]),
    );
    expect(rows.attestations?.[0]).toMatchObject({
      kind: "transform",
      signed: true,
      attesterId: expected.attester,
    });
    expect(rows.attestations?.[0]?.signature).toHaveLength(128);
    expect(
      rows.edges?.map((e) => [e.kind, e.src === expected.attestation_id ? "self" : e.src]),
    ).toEqual([
      ["used", "self"],
      ["used", "self"],
      ["wasGeneratedBy", blobIdFromInt(BigInt((expected.output_blobs as string[])[0]!))],
      ["wasAssociatedWith", "self"],
    ]);
  });

  it("quarantines an unknown event type of our package, with the reason and proof handle", () => {
    const { rows, quarantined } = processor.process(
      checkpoint(3, [[event(PKG, "dataset", "DatasetExploded", new Uint8Array([1]))]]),
    );
    expect(rows).toEqual({});
    expect(quarantined).toEqual([
      expect.objectContaining({
        checkpoint: 3,
        txDigest: "tx-3-0",
        eventIndex: 0,
        reason: expect.stringMatching(/unknown event type dataset::DatasetExploded/),
      }),
    ]);
  });

  it("quarantines truncated and over-long contents instead of guessing", () => {
    const bytes = fromHex(golden("dataset::DatasetRetracted").bcs);
    const { rows, quarantined } = processor.process(
      checkpoint(4, [
        [goldenEvent("dataset::DatasetRetracted", bytes.slice(0, -3))],
        [goldenEvent("dataset::DatasetRetracted", new Uint8Array([...bytes, 0]))],
      ]),
    );
    expect(rows).toEqual({});
    expect(quarantined.map((q) => q.reason)).toEqual([
      expect.stringMatching(/does not decode as DatasetRetracted/),
      expect.stringMatching(/1 bytes left over after one DatasetRetracted/),
    ]);
  });

  it("ignores events of other packages", () => {
    const other = event(
      "0x2",
      "dataset",
      "DatasetRegistered",
      fromHex(golden("dataset::DatasetRegistered").bcs),
    );
    expect(processor.process(checkpoint(5, [[other]]))).toEqual({ rows: {}, quarantined: [] });
  });
});

import { readFileSync } from "node:fs";
import { fromHex, toHex } from "@mysten/bcs";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { blobIdFromInt } from "@mysten/walrus";
import { attestation, dataset, isVerityEventName, termsToJson } from "@verity/sdk";
import { checkpoint, event } from "@verity/test-scenarios";
import { describe, expect, it } from "vitest";
import { provenanceProcessor } from "../src/pipelines/provenance/processor.ts";

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
).vectors.filter((v) => isVerityEventName(v.type));
const golden = (type: string) => vectors.find((v) => v.type === type)!;
const goldenEvent = (type: string, contents = fromHex(golden(type).bcs)) => {
  const [module, struct] = type.split("::") as [string, string];
  return event(PKG, module, struct, contents);
};
const processor = provenanceProcessor({ network: "testnet", packageIds: [PKG] });

describe("provenance processor on events the Move VM emitted (golden vectors)", () => {
  it("has a golden vector for every verity event", () => {
    expect(vectors).toHaveLength(19);
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
      "datasetTermsChanges",
      "datasets",
      "edges",
      "enclaveConfigRetirements",
      "enclaveConfigs",
      "feeWithdrawals",
      "inferences",
      "models",
      "policies",
      "policyMemberChanges",
      "subscriptions",
    ]);
    expect(rows.policies).toHaveLength(3);
    expect(rows.attesterKeys?.map((k) => k.keyVersion).sort()).toEqual([0, 1]);
  });

  it("records a derived dataset with its blob in Walrus's base64 form, terms, event id and PROV edges", () => {
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
        terms: {
          ai_training: { use: "constrained", constraints: ["attribution", "non-commercial"] },
          ai_generative_training: { use: "constrained", constraints: ["no style imitation"] },
          ai_inference: { use: "allowed", constraints: [] },
          data_mining: { use: "notAllowed", constraints: [] },
        },
        parents: expected.parents,
        transformId: expected.transform,
        lineageSigned: true,
        checkpoint: 42,
        txDigest: "tx-42-1",
        eventIndex: 0,
      }),
    ]);
    // Without the transform's `AttestationRecorded` in the transaction, `enclave` is unknown.
    expect(rows.edges?.map((e) => [e.kind, e.dst, e.dstKind, e.signed, e.enclave])).toEqual([
      ["storedAs", blobId, "blob", null, null],
      ["wasAttributedTo", expected.creator, "agent", null, null],
      ["wasDerivedFrom", (expected.parents as string[])[0], "dataset", true, null],
      ["wasGeneratedBy", expected.transform, "attestation", true, null],
    ]);
    expect(
      rows.edges?.every((e) => e.src === expected.dataset_id && e.txDigest === "tx-42-1"),
    ).toBe(true);
  });

  it("takes a derived dataset's and a model's enclave from the attestation recorded before them in their transaction", () => {
    const { rows } = processor.process(
      checkpoint(43, [
        [
          goldenEvent("attestation::AttestationRecorded"),
          goldenEvent("dataset::DatasetRegistered"),
        ],
        // the same attestation id in another transaction does not count
        [goldenEvent("attestation::AttestationRecorded")],
        [goldenEvent("model::ModelRegistered")],
      ]),
    );
    const backing = (src: string, kind: string) =>
      rows.edges
        ?.filter((e) => e.src === src && e.kind === kind)
        .map((e) => [e.dst, e.signed, e.enclave]);
    const derived = golden("dataset::DatasetRegistered").expected;
    expect(backing(derived.dataset_id as string, "wasGeneratedBy")).toEqual([
      [derived.transform, true, false],
    ]);
    expect(backing(derived.dataset_id as string, "wasDerivedFrom")).toEqual([
      [(derived.parents as string[])[0], true, false],
    ]);
    const trained = golden("model::ModelRegistered").expected;
    expect(backing(trained.model_id as string, "wasGeneratedBy")).toEqual([
      [trained.training, true, null],
    ]);
  });

  it("records a model's generative flag, signed lineage and the constraints its datasets put on it", () => {
    const expected = golden("model::ModelRegistered").expected;
    const { rows } = processor.process(checkpoint(44, [[goldenEvent("model::ModelRegistered")]]));
    expect(rows.models).toEqual([
      expect.objectContaining({
        modelId: expected.model_id,
        generative: false,
        lineageSigned: true,
        datasets: expected.datasets,
        constraints: [
          {
            dataset: (expected.datasets as string[])[0],
            constraints: ["attribution", "non-commercial"],
          },
        ],
      }),
    ]);
    expect(rows.edges?.map((e) => [e.kind, e.signed])).toEqual([
      ["storedAs", null],
      ["wasAttributedTo", null],
      ["wasGeneratedBy", true],
      ["wasDerivedFrom", true],
    ]);
  });

  it("links a signed attestation to its inputs, outputs and attester, with its blobs' digests", () => {
    const expected = golden("attestation::AttestationRecorded").expected;
    const { rows } = processor.process(
      checkpoint(1, [[goldenEvent("attestation::AttestationRecorded")]]),
    );
    type Digest = { blob_id: string; sha256: number[] };
    const [input] = expected.input_blobs as Digest[];
    const [output] = expected.output_blobs as Digest[];
    expect(rows.attestations?.[0]).toMatchObject({
      kind: "transform",
      signed: true,
      enclave: false,
      attesterId: expected.attester,
      inputBlobs: [blobIdFromInt(BigInt(input!.blob_id))],
      inputSha256s: [toHex(Uint8Array.from(input!.sha256))],
      outputBlobs: [blobIdFromInt(BigInt(output!.blob_id))],
      outputSha256s: [toHex(Uint8Array.from(output!.sha256))],
    });
    expect(rows.attestations?.[0]?.signature).toHaveLength(128);
    expect(
      rows.edges?.map((e) => [
        e.kind,
        e.src === expected.attestation_id ? "self" : e.src,
        e.signed,
        e.enclave,
      ]),
    ).toEqual([
      ["used", "self", true, false],
      ["used", "self", true, false],
      ["wasGeneratedBy", blobIdFromInt(BigInt(output!.blob_id)), true, false],
      ["wasAssociatedWith", "self", true, false],
    ]);
  });

  it("names every attestation kind as the sdk's vocabulary does, and an unknown one by its number", () => {
    const recorded = attestation.AttestationRecorded.parse(
      fromHex(golden("attestation::AttestationRecorded").bcs),
    );
    const kinds = [5, 6, 7];
    const { rows, quarantined } = processor.process(
      checkpoint(
        45,
        kinds.map((kind, i) => [
          event(
            PKG,
            "attestation",
            "AttestationRecorded",
            attestation.AttestationRecorded.serialize({
              ...recorded,
              attestation_id: normalizeSuiAddress(`0xa${i}`),
              kind,
            }).toBytes(),
          ),
        ]),
      ),
    );
    expect(quarantined).toEqual([]);
    expect(rows.attestations?.map((a) => a.kind)).toEqual([
      "generative_training",
      "generative_fine_tune",
      "kind_7",
    ]);
  });

  it("records an inference with its enclave flag on the inference and every edge", () => {
    const expected = golden("inference::InferenceRecorded").expected;
    const { rows } = processor.process(
      checkpoint(2, [[goldenEvent("inference::InferenceRecorded")]]),
    );
    expect(rows.inferences).toEqual([
      expect.objectContaining({ inferenceId: expected.inference_id, enclave: false }),
    ]);
    expect(rows.edges?.map((e) => [e.kind, e.signed, e.enclave])).toEqual([
      ["used", true, false],
      ["used", true, false],
      ["wasGeneratedBy", true, false],
      ["wasAssociatedWith", true, false],
      ["wasInformedBy", true, false],
    ]);
  });

  it("records a tightening of terms, an enclave config, an attester registered against it and the config's retirement", () => {
    const terms = golden("dataset::DatasetTermsSet").expected;
    const config = golden("enclave::EnclaveConfigCreated").expected;
    const registered = golden("attester::AttesterRegistered").expected;
    const retired = golden("enclave::EnclaveConfigRetired").expected;
    const { rows } = processor.process(
      checkpoint(3, [
        [goldenEvent("dataset::DatasetTermsSet")],
        [goldenEvent("enclave::EnclaveConfigCreated")],
        [goldenEvent("attester::AttesterRegistered")],
        [goldenEvent("enclave::EnclaveConfigRetired")],
      ]),
    );
    expect(rows.datasetTermsChanges).toEqual([
      {
        datasetId: terms.dataset_id,
        terms: {
          ai_training: { use: "constrained", constraints: ["attribution", "non-commercial"] },
          ai_generative_training: { use: "constrained", constraints: ["no style imitation"] },
          ai_inference: { use: "constrained", constraints: ["cite the source"] },
          data_mining: { use: "notAllowed", constraints: [] },
        },
        creator: terms.creator,
        timestampMs: 1_700_000_001_000,
        checkpoint: 3,
        txDigest: "tx-3-0",
        eventIndex: 0,
      },
    ]);
    const pcrs = ["01", "02", "03"].map((b) => b.repeat(48));
    expect(rows.enclaveConfigs).toEqual([
      expect.objectContaining({
        configId: config.config_id,
        name: "verity-enclave-v1",
        pcrs,
        admin: config.admin,
      }),
    ]);
    expect(rows.attesters).toEqual([
      expect.objectContaining({
        attesterId: registered.attester_id,
        pcrs,
        enclaveConfigId: config.config_id,
        admin: registered.registrant,
      }),
    ]);
    expect(rows.enclaveConfigRetirements).toEqual([
      {
        configId: config.config_id,
        admin: retired.admin,
        timestampMs: 1_700_000_001_000,
        checkpoint: 3,
        txDigest: "tx-3-3",
        eventIndex: 0,
      },
    ]);
  });

  it("records a version published without a derivation as unsigned lineage, linked only to its predecessor", () => {
    const previous = golden("dataset::DatasetRegistered").expected;
    const { terms } = dataset.DatasetRegistered.parse(
      fromHex(golden("dataset::DatasetRegistered").bcs),
    );
    const version = dataset.DatasetRegistered.serialize({
      dataset_id: normalizeSuiAddress("0xf2"),
      creator: previous.creator as string,
      name: previous.name as string,
      blob_id: 7n,
      sha256: Array<number>(32).fill(7),
      size: 901,
      media_type: "text/csv",
      license: "CC-BY-4.0",
      terms,
      policy: null,
      parents: [],
      transform: null,
      lineage_signed: false,
      previous: previous.dataset_id as string,
      revision: 2,
      timestamp_ms: 1_700_000_002_000,
    });
    const { rows } = processor.process(
      checkpoint(5, [[event(PKG, "dataset", "DatasetRegistered", version.toBytes())]]),
    );
    expect(rows.datasets).toEqual([
      expect.objectContaining({
        parents: [],
        transformId: null,
        lineageSigned: false,
        previousId: previous.dataset_id,
        revision: 2,
        terms: termsToJson(terms),
      }),
    ]);
    expect(rows.edges?.map((e) => [e.kind, e.signed, e.enclave])).toEqual([
      ["storedAs", null, null],
      ["wasAttributedTo", null, null],
      ["wasRevisionOf", null, null],
    ]);
  });

  it("quarantines an unknown event type of our package, with the reason and event id", () => {
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

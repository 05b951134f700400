import { randomBytes } from "node:crypto";
import { SuiGrpcClient } from "@mysten/sui/grpc";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { blobIdToInt, WalrusClient } from "@mysten/walrus";
import { indexCheckpoints, provenanceProcessor } from "@verity/indexer";
import {
  ATTESTATION_SCENARIO_PACKAGE,
  ATTESTATIONS,
  attestationScenario,
  DATASET,
  ENCLAVE,
} from "@verity/test-scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";

const content = new Uint8Array(randomBytes(1000));

/** `WalrusClient.computeBlobMetadata` for 1000 shards; numShards given, it never calls Sui. */
const walrus = new WalrusClient({
  network: "testnet",
  suiClient: new SuiGrpcClient({ network: "testnet", baseUrl: "http://127.0.0.1:9" }),
});
const referenceBlobId = async (bytes: Uint8Array) =>
  (await walrus.computeBlobMetadata({ bytes, numShards: 1000 })).blobId;

let api: TestApi;
beforeAll(async () => {
  const checkpoints = await attestationScenario(await referenceBlobId(content), content.length);
  api = await startTestApi((database) =>
    indexCheckpoints(database.db, checkpoints, [
      provenanceProcessor({ network: "testnet", packageIds: [ATTESTATION_SCENARIO_PACKAGE] }),
    ]),
  );
});
afterAll(() => api.close());

type BlobAnswer = {
  blobId: string;
  blobIdU256: string;
  sha256: string;
  size: number;
  matches: { kind: string; id: string; name: string; event: { checkpoint: number } }[];
};
const postBlob = (bytes: Uint8Array) =>
  api.get("/v1/verify/blob", {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: bytes,
  });

describe("POST /v1/verify/blob", () => {
  it.each([
    ["0 B", 0],
    ["1 B", 1],
    ["1 MiB", 1 << 20],
    ["20 MiB", 20 << 20],
  ])("agrees with @mysten/walrus's computeBlobMetadata on %s of random bytes", async (_, n) => {
    const bytes = new Uint8Array(randomBytes(n));
    const response = await postBlob(bytes);
    expect(response.status).toBe(200);
    const body = (await response.json()) as BlobAnswer;
    const expected = await referenceBlobId(bytes);
    expect(body.blobId).toBe(expected);
    expect(body.blobIdU256).toBe(blobIdToInt(expected).toString());
    expect(body.sha256).toBe(
      Buffer.from(await crypto.subtle.digest("SHA-256", bytes)).toString("hex"),
    );
    expect(body.size).toBe(n);
    expect(body.matches).toEqual([]);
  });

  it("reports the dataset registered under the blob id, with its event id", async () => {
    const body = (await (await postBlob(content)).json()) as BlobAnswer;
    expect(body.matches).toEqual([
      {
        kind: "dataset",
        id: DATASET.id,
        name: DATASET.name,
        event: {
          checkpoint: 10,
          txDigest: expect.any(String),
          eventIndex: 0,
          proof: expect.stringMatching(/^\/v1\/proofs\/[\w-]+\/0$/),
        },
      },
    ]);
  });

  it("refuses other content types with 415", async () => {
    const response = await api.get("/v1/verify/blob", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(response.status).toBe(415);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses more than 32 MiB with 413 while streaming, without a Content-Length", async () => {
    const chunk = new Uint8Array(1 << 20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 64 << 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await api.get("/v1/verify/blob", {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { detail: string }).detail).toContain("33554432 bytes");
    expect(sent).toBeLessThan(64 << 20);
  });
});

type Verdict = {
  attestationId: string;
  signed: boolean;
  attesterKind: "enclave" | "key" | null;
  enclaveConfigId: string | null;
  valid: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
};
const verifyAttestation = async (attestationId: string) => {
  const response = await api.get("/v1/verify/attestation", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ attestationId }),
  });
  return { status: response.status, body: (await response.json()) as Verdict };
};
const outcomes = (v: Verdict) => Object.fromEntries(v.checks.map((c) => [c.name, c.ok]));

describe("POST /v1/verify/attestation", () => {
  it("passes a real signature by the key in force", async () => {
    const { status, body } = await verifyAttestation(ATTESTATIONS.good);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      attestationId: ATTESTATIONS.good,
      signed: true,
      attesterKind: "key",
      enclaveConfigId: null,
      valid: true,
    });
    expect(outcomes(body)).toEqual({
      signed: true,
      "key-in-force": true,
      signature: true,
      "not-revoked": true,
    });
  });

  it("fails a tampered signature", async () => {
    const { body } = await verifyAttestation(ATTESTATIONS.tampered);
    expect(body.valid).toBe(false);
    expect(outcomes(body)).toMatchObject({ "key-in-force": true, signature: false });
  });

  it("fails a signature over another SHA-256 of an output blob", async () => {
    const { body } = await verifyAttestation(ATTESTATIONS.swapped);
    expect(body.valid).toBe(false);
    expect(outcomes(body)).toMatchObject({ "key-in-force": true, signature: false });
  });

  it("fails a signature recorded by another submitter than the one signed for", async () => {
    const { body } = await verifyAttestation(ATTESTATIONS.frontRun);
    expect(body.valid).toBe(false);
    expect(outcomes(body)).toMatchObject({ "key-in-force": true, signature: false });
  });

  it("passes an enclave attester's signature and names its enclave config", async () => {
    const { body } = await verifyAttestation(ATTESTATIONS.enclave);
    expect(body).toMatchObject({
      signed: true,
      attesterKind: "enclave",
      enclaveConfigId: ENCLAVE.configId,
      valid: true,
    });
    expect(body.checks[0]!.detail).toBe(
      `signed by attester ${ENCLAVE.attesterId}, an enclave of enclave config ${ENCLAVE.configId}`,
    );
  });

  it("checks against the rotated key after a rotation, and refuses the old one", async () => {
    const rotated = await verifyAttestation(ATTESTATIONS.rotated);
    expect(rotated.body.valid).toBe(true);
    expect(rotated.body.checks.find((c) => c.name === "key-in-force")!.detail).toContain(
      "key version 1",
    );
    const stale = await verifyAttestation(ATTESTATIONS.stale);
    expect(stale.body.valid).toBe(false);
    expect(outcomes(stale.body)).toMatchObject({ "key-in-force": false, signature: false });
  });

  it("reports an unsigned attestation as unsigned", async () => {
    const { body } = await verifyAttestation(ATTESTATIONS.unsigned);
    expect(body).toMatchObject({
      signed: false,
      attesterKind: null,
      enclaveConfigId: null,
      valid: false,
    });
    expect(body.checks).toEqual([{ name: "signed", ok: false, detail: expect.any(String) }]);
  });

  it("answers 404 for an unknown attestation and 400 for a malformed id", async () => {
    expect((await verifyAttestation(normalizeSuiAddress("0xbad"))).status).toBe(404);
    expect((await verifyAttestation("0x12")).status).toBe(400);
  });
});

import { randomBytes } from "node:crypto";
import { SuiGrpcClient } from "@mysten/sui/grpc";
import { Ed25519Keypair } from "@mysten/sui/keypairs/ed25519";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { blobIdToInt, WalrusClient } from "@mysten/walrus";
import { provenanceProcessor } from "@verity/indexer";
import {
  type AttestationPayloadInput,
  attestation,
  attester,
  dataset,
  signAttestation,
} from "@verity/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpoint, event } from "../../indexer/test/support/checkpoints.ts";
import { indexInto, startTestApi, type TestApi } from "./support/api.ts";

const PKG = normalizeSuiAddress("0xa92");
const ADMIN = normalizeSuiAddress("0xad");
const ATTESTER = normalizeSuiAddress("0xa77");
const DATASET = normalizeSuiAddress("0xd1");
const id = (n: number) => normalizeSuiAddress(`0x${n.toString(16)}`);
const T = 1_700_000_000_000;
const oldKey = Ed25519Keypair.generate();
const newKey = Ed25519Keypair.generate();
const content = new Uint8Array(randomBytes(1000));

/** `WalrusClient.computeBlobMetadata` for 1000 shards; numShards given, it never calls Sui. */
const walrus = new WalrusClient({
  network: "testnet",
  suiClient: new SuiGrpcClient({ network: "testnet", baseUrl: "http://127.0.0.1:9" }),
});
const referenceBlobId = async (bytes: Uint8Array) =>
  (await walrus.computeBlobMetadata({ bytes, numShards: 1000 })).blobId;

const e = (module: string, struct: string, bcs: { toBytes(): Uint8Array }) =>
  event(PKG, module, struct, bcs.toBytes(), ADMIN);

const payload = (digestByte: number): AttestationPayloadInput => ({
  kind: 0,
  inputs: [DATASET],
  input_blobs: [12345n],
  outputs: [],
  output_blobs: [67890n],
  payload_digest: new Uint8Array(32).fill(digestByte),
});

/** An `AttestationRecorded` of `payload`, claiming `publicKey` and carrying `signature`. */
const recorded = (
  attestationId: string,
  p: AttestationPayloadInput,
  publicKey: Uint8Array,
  signature: Uint8Array,
  signed = true,
) =>
  e(
    "attestation",
    "AttestationRecorded",
    attestation.AttestationRecorded.serialize({
      attestation_id: attestationId,
      kind: p.kind,
      attester: signed ? ATTESTER : null,
      signed,
      public_key: publicKey,
      signature,
      submitter: ADMIN,
      inputs: p.inputs,
      input_blobs: p.input_blobs,
      outputs: p.outputs,
      output_blobs: p.output_blobs,
      payload_digest: p.payload_digest,
      timestamp_ms: T,
      recorded_ms: T,
    }),
  );

let api: TestApi;
beforeAll(async () => {
  const blobId = await referenceBlobId(content);
  const oldPk = oldKey.getPublicKey().toRawBytes();
  const newPk = newKey.getPublicKey().toRawBytes();
  const good = await signAttestation(oldKey, payload(1), T);
  const tampered = Uint8Array.from(await signAttestation(oldKey, payload(2), T));
  tampered[5]! ^= 1;
  const checkpoints = [
    checkpoint(10, [
      [
        e(
          "attester",
          "AttesterRegistered",
          attester.AttesterRegistered.serialize({
            attester_id: ATTESTER,
            name: "ci",
            public_key: oldPk,
            pcrs: [],
            admin: ADMIN,
            timestamp_ms: T,
          }),
        ),
      ],
      [
        e(
          "dataset",
          "DatasetRegistered",
          dataset.DatasetRegistered.serialize({
            dataset_id: DATASET,
            creator: ADMIN,
            name: "random-1000",
            blob_id: blobIdToInt(blobId),
            sha256: new Uint8Array(32),
            size: content.length,
            media_type: "application/octet-stream",
            license: "CC0-1.0",
            policy: null,
            parents: [],
            transform: null,
            previous: null,
            revision: 1,
            timestamp_ms: T,
          }),
        ),
      ],
    ]),
    checkpoint(11, [
      [recorded(id(0xa1), payload(1), oldPk, good)],
      [recorded(id(0xa2), payload(2), oldPk, tampered)],
      [recorded(id(0xa5), payload(1), new Uint8Array(), new Uint8Array(), false)],
    ]),
    checkpoint(12, [
      [
        e(
          "attester",
          "AttesterKeyRotated",
          attester.AttesterKeyRotated.serialize({
            attester_id: ATTESTER,
            old_public_key: oldPk,
            new_public_key: newPk,
            key_version: 1,
            admin: ADMIN,
            timestamp_ms: T,
          }),
        ),
      ],
    ]),
    checkpoint(13, [
      [recorded(id(0xa3), payload(3), newPk, await signAttestation(newKey, payload(3), T))],
      [recorded(id(0xa4), payload(4), oldPk, await signAttestation(oldKey, payload(4), T))],
    ]),
  ];
  api = await startTestApi((database) =>
    indexInto(database, checkpoints, [
      provenanceProcessor({ network: "testnet", packageIds: [PKG] }),
    ]),
  );
});
afterAll(() => api.close());

type BlobAnswer = {
  blobId: string;
  blobIdU256: string;
  sha256: string;
  size: number;
  matches: { kind: string; id: string; name: string; proof: { checkpoint: number } }[];
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

  it("reports the dataset registered under the blob id, with its proof", async () => {
    const body = (await (await postBlob(content)).json()) as BlobAnswer;
    expect(body.matches).toEqual([
      {
        kind: "dataset",
        id: DATASET,
        name: "random-1000",
        proof: { checkpoint: 10, txDigest: expect.any(String), eventIndex: 0 },
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
    const { status, body } = await verifyAttestation(id(0xa1));
    expect(status).toBe(200);
    expect(body).toMatchObject({ attestationId: id(0xa1), signed: true, valid: true });
    expect(outcomes(body)).toEqual({
      signed: true,
      "key-in-force": true,
      signature: true,
      "not-revoked": true,
    });
  });

  it("fails a tampered signature", async () => {
    const { body } = await verifyAttestation(id(0xa2));
    expect(body.valid).toBe(false);
    expect(outcomes(body)).toMatchObject({ "key-in-force": true, signature: false });
  });

  it("checks against the rotated key after a rotation, and refuses the old one", async () => {
    const rotated = await verifyAttestation(id(0xa3));
    expect(rotated.body.valid).toBe(true);
    expect(rotated.body.checks.find((c) => c.name === "key-in-force")!.detail).toContain(
      "key version 1",
    );
    const stale = await verifyAttestation(id(0xa4));
    expect(stale.body.valid).toBe(false);
    expect(outcomes(stale.body)).toMatchObject({ "key-in-force": false, signature: false });
  });

  it("reports an unsigned attestation as unsigned", async () => {
    const { body } = await verifyAttestation(id(0xa5));
    expect(body).toMatchObject({ signed: false, valid: false });
    expect(body.checks).toEqual([{ name: "signed", ok: false, detail: expect.any(String) }]);
  });

  it("answers 404 for an unknown attestation and 400 for a malformed id", async () => {
    expect((await verifyAttestation(id(0xbad))).status).toBe(404);
    expect((await verifyAttestation("0x12")).status).toBe(400);
  });
});

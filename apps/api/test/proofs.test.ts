/**
 * `GET /v1/proofs/{txDigest}/{eventIndex}` over the real testnet checkpoints indexed by the real
 * indexer: each Walrus event's bundle holds exactly the certified summary, contents, effects and
 * events of its checkpoint file, whose digests tie it down to the event (the certificate itself
 * is checked against real committees in @verity/checkpoints' tests; testnet's are not in the
 * fixtures).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  decodeCheckpointFile,
  type ProofBundle,
  proofBundleFromJson,
  proofBundleOf,
  verifyProofBundle,
} from "@verity/checkpoints";
import { walrusEvents } from "@verity/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";
import { indexTestnetWalrus, TESTNET_CHECKPOINTS } from "./support/walrus-fixtures.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(indexTestnetWalrus);
});
afterAll(() => api?.close());

/** Every Walrus event of the testnet fixtures: its checkpoint, transaction and index. */
const walrusEventsOf = (seq: number) => {
  const file = join(TESTNET_CHECKPOINTS, `${seq}.chk`);
  const checkpoint = decodeCheckpointFile(new Uint8Array(readFileSync(file)));
  return checkpoint.transactions.flatMap((tx) =>
    tx.events.flatMap((event, i) =>
      event.packageId === walrusEvents.WALRUS_PACKAGE_IDS.testnet && event.module === "events"
        ? [{ checkpoint, tx, eventIndex: i, event }]
        : [],
    ),
  );
};
const indexed = [248050771, 248054311, 258579946, 273995602, 275761458].flatMap(walrusEventsOf);

describe("GET /v1/proofs/{txDigest}/{eventIndex}", () => {
  it("serves each indexed Walrus event's bundle: the file's own bytes, version 1", async () => {
    expect(indexed).toHaveLength(8);
    for (const { checkpoint, tx, eventIndex, event } of indexed) {
      const response = await api.get(`/v1/proofs/${tx.digest}/${eventIndex}`);
      expect(response.status).toBe(200);
      const json = await response.json();
      expect(json).toMatchObject({
        version: 1,
        checkpoint: checkpoint.sequenceNumber.toString(),
        epoch: checkpoint.epoch.toString(),
        txDigest: tx.digest,
        eventIndex,
      });
      const bundle: ProofBundle = proofBundleFromJson(json);
      expect(bundle).toEqual(proofBundleOf(checkpoint, tx, eventIndex));
      // down from the certificate, every digest ties: a committee of another epoch stops the
      // verdict at the certificate only
      const verdict = verifyProofBundle(bundle, { epoch: checkpoint.epoch + 1n, members: [] });
      expect(verdict).toMatchObject({ ok: false, failed: "certificate" });
      expect(event.struct).toMatch(/^Blob(Registered|Certified)$/);
    }
  });

  it("answers 404 for a transaction without kept proof parts and for an index past its events", async () => {
    const { tx } = indexed[0]!;
    const missing = await api.get("/v1/proofs/BeccLW98DzJYNxEkmadVgMCLP3kHYxcxTVneDHaKeBiY/0");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { detail: string }).detail).toBe(
      "no proof is kept for transaction BeccLW98DzJYNxEkmadVgMCLP3kHYxcxTVneDHaKeBiY",
    );
    const past = await api.get(`/v1/proofs/${tx.digest}/${tx.events.length}`);
    expect(past.status).toBe(404);
    expect(((await past.json()) as { detail: string }).detail).toBe(
      `transaction ${tx.digest} emitted ${tx.events.length} events, none at index ${tx.events.length}`,
    );
  });

  it("answers 400 for a malformed digest or index", async () => {
    expect((await api.get("/v1/proofs/not-base58!/0")).status).toBe(400);
    expect((await api.get(`/v1/proofs/${indexed[0]!.tx.digest}/-1`)).status).toBe(400);
  });
});

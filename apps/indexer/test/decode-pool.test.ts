import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CheckpointDecodeError,
  decodeCheckpointData,
  decodeStoreFile,
  encodeCheckpointBlob,
} from "@verity/checkpoints";
import { walrusEvents } from "@verity/sdk";
import { fixtures, readFixture } from "@verity/testing";
import { afterAll, describe, expect, it } from "vitest";
import { DecodePool } from "../src/decoding/pool.ts";
import { eventCount, processedBy } from "../src/decoding/processed.ts";
import { walrusProcessor } from "../src/pipelines/walrus/processor.ts";

const pool = new DecodePool(2);
afterAll(() => pool.close());

const [first, second] = fixtures.filter((f) => f.network === "mainnet");
const chk = (f: typeof first) => readFixture(f!.network, f!.sequence_number);
const seq = (f: typeof first) => BigInt(f!.sequence_number);

describe("DecodePool decodes store files on its threads", () => {
  it("gives the checkpoints decodeStoreFile gives, from bytes and from paths, in both formats", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verity-pool-"));
    const blob = encodeCheckpointBlob(decodeCheckpointData(chk(second)));
    const blobPath = join(dir, `${seq(second)}.binpb.zst`);
    writeFileSync(blobPath, blob);
    const expected = [
      decodeStoreFile("chk", chk(first), seq(first), "a", {}),
      decodeStoreFile("binpb.zst", blob, seq(second), blobPath, { verifyDigests: true }),
    ];
    const bytes = chk(first);
    const decoded = await Promise.all([
      pool.decode("chk", bytes, seq(first), "a", {}),
      pool.decodePath("binpb.zst", blobPath, seq(second), { verifyDigests: true }),
    ]);
    expect(decoded).toEqual(expected);
    expect(bytes.byteLength).toBe(0); // moved to the thread, not copied
    // Every byte field comes back in a buffer of its own, not as a view dragging the whole file
    // through the message.
    for (const checkpoint of decoded) {
      const parts = checkpoint.transactions.flatMap((t) => [
        t.proofParts!.effects,
        t.proofParts!.events ?? new Uint8Array(0),
        ...t.events.map((e) => e.contents),
      ]);
      parts.push(checkpoint.proofParts!.certifiedSummary, checkpoint.proofParts!.contents);
      expect(checkpoint.transactions.length).toBeGreaterThan(0);
      for (const part of parts) expect(part.buffer.byteLength).toBe(part.byteLength);
    }
  });

  it("copies a view into a larger buffer instead of moving it", async () => {
    const file = chk(first);
    const larger = new Uint8Array(file.length + 8);
    larger.set(file, 8);
    const view = larger.subarray(8);
    const checkpoint = await pool.decode("chk", view, seq(first), "view", {});
    expect(checkpoint.sequenceNumber).toBe(seq(first));
    expect(larger.byteLength).toBe(file.length + 8);
  });

  it("rejects with the CheckpointDecodeError of a bad file, and with the read error of a missing one", async () => {
    const error = await pool
      .decode("chk", chk(first), seq(first) + 1n, "/store/x.chk", {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointDecodeError);
    expect(error).toMatchObject({
      reason: `holds checkpoint ${seq(first)}, expected ${seq(first) + 1n}`,
      source: "/store/x.chk",
    });
    const truncated = chk(first).slice(0, 100);
    const cut = await pool.decode("chk", truncated, seq(first), "cut", {}).catch((e) => e);
    expect(cut).toBeInstanceOf(CheckpointDecodeError);
    expect((cut as CheckpointDecodeError).offset).toBeGreaterThan(0);
    const missing = await pool
      .decodePath("chk", "/no/such/dir/1.chk", 1n, {})
      .catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/ENOENT.*\/no\/such\/dir\/1\.chk/);
  });
});

describe("DecodePool runs the pipelines where it decodes", () => {
  const walrus = walrusProcessor({
    network: "testnet",
    packageId: walrusEvents.WALRUS_PACKAGE_IDS.testnet,
  });
  const seq = 248050771; // testnet: a Walrus blob certified

  it("sends back the pipelines' outputs instead of the transactions", async () => {
    const file = readFixture("testnet", seq);
    const here = decodeStoreFile("chk", file, BigInt(seq), "a", {});
    const there = await pool.decode("chk", file.slice(), BigInt(seq), "a", {}, [walrus.spec!]);
    expect(there).toEqual({ ...here, transactions: [] });
    expect(processedBy(walrus, there)).toEqual(walrus.process(here));
    expect(processedBy(walrus, there).rows.walrusBlobEvents).toHaveLength(1);
    expect(eventCount(there)).toBe(eventCount(here));
    expect(eventCount(here)).toBeGreaterThan(0);
    // The proof parts come back as buffers of their own, not as views dragging the whole file
    // through the message.
    const { certifiedSummary, contents } = there.proofParts!;
    for (const part of [certifiedSummary, contents]) {
      expect(part.byteLength).toBeGreaterThan(0);
      expect(part.buffer.byteLength).toBe(part.byteLength);
    }
    expect(here.proofParts!.contents.buffer.byteLength).toBeGreaterThan(contents.byteLength);
  });

  it("refuses to give a pipeline it did not run the output of another", async () => {
    const there = await pool.decode("chk", readFixture("testnet", seq), BigInt(seq), "a", {}, [
      walrus.spec!,
    ]);
    const mainnet = walrusProcessor({
      network: "mainnet",
      packageId: walrusEvents.WALRUS_PACKAGE_IDS.testnet,
    });
    expect(() => processedBy(mainnet, there)).toThrow(
      `checkpoint ${seq} was processed where it was decoded, not for the walrus pipeline as it runs here`,
    );
  });
});

describe("a DecodePool whose threads stopped", () => {
  it("rejects what was pending and what comes after, instead of waiting forever", async () => {
    const stopping = new DecodePool(1);
    await stopping.close();
    const error = await stopping
      .decode(
        "chk",
        readFixture("testnet", fixtures.find((f) => f.network === "testnet")!.sequence_number),
        1n,
        "x",
        {},
      )
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^a decoding thread exited/);
  });
});

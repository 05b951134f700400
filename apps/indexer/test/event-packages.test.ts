/**
 * A checkpoint-store source keeping only the transactions with the pipelines' events
 * (`Processor.eventPackages`, `DecodeOptions.eventPackages`) makes the same rows as one
 * keeping every transaction: real testnet checkpoints, each with a provenance story added.
 */
import { normalizeSuiAddress } from "@mysten/sui/utils";
import {
  type Checkpoint,
  decodeCheckpointData,
  decodeStoreFile,
  encodeCheckpointBlob,
  encodeCheckpointFile,
  STORE_FORMATS,
} from "@verity/checkpoints";
import { walrusEvents } from "@verity/sdk";
import { provenanceScenario, storyCheckpointData } from "@verity/test-scenarios";
import { fixtures, readFixture } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { appendRows, type Rows } from "../src/pipelines/processor.ts";
import { provenanceProcessor } from "../src/pipelines/provenance/processor.ts";
import { walrusProcessor } from "../src/pipelines/walrus/processor.ts";

const PACKAGE = normalizeSuiAddress("0xbe9c4");
const processors = [
  provenanceProcessor({ network: "testnet", packageIds: [PACKAGE] }),
  walrusProcessor({ network: "testnet", packageId: walrusEvents.WALRUS_PACKAGE_IDS.testnet }),
];
const eventPackages = processors.flatMap((p) => p.eventPackages);

const testnet = fixtures
  .filter((f) => f.network === "testnet")
  .map((f) => decodeCheckpointData(readFixture("testnet", f.sequence_number)));
const stories = provenanceScenario(PACKAGE, testnet.length, 0);
const files = testnet.map((fixture, i) => {
  const data = decodeCheckpointData(
    encodeCheckpointFile(
      storyCheckpointData(fixture, stories[i]!, BigInt(i), testnet[0]!.transactions[0]!),
    ),
  );
  return { chk: encodeCheckpointFile(data), "binpb.zst": encodeCheckpointBlob(data) };
});

/** Every checkpoint of `files` decoded from `format`, with `options`, and the rows made. */
function indexed(format: (typeof STORE_FORMATS)[number], options: { eventPackages?: string[] }) {
  const rows: Rows = {};
  const checkpoints: Checkpoint[] = files.map((file, i) =>
    decodeStoreFile(format, file[format], BigInt(i), `${i}.${format}`, options),
  );
  for (const checkpoint of checkpoints) {
    for (const p of processors) {
      const out = p.process(checkpoint);
      appendRows(rows, out.rows);
      expect(out.quarantined).toEqual([]);
    }
  }
  const transactions = checkpoints.reduce((n, c) => n + c.transactions.length, 0);
  return { rows, transactions };
}

describe.each(STORE_FORMATS)("a .%s store read for the pipelines' packages only", (format) => {
  it("gives the rows of every transaction, from a fraction of them", () => {
    const all = indexed(format, {});
    const kept = indexed(format, { eventPackages });
    expect(kept.rows).toEqual(all.rows);
    expect(all.rows.walrusBlobEvents).toHaveLength(8);
    expect(all.rows.datasets?.length).toBeGreaterThan(0);
    expect(kept.transactions).toBeLessThan(all.transactions / 2);
  });
});

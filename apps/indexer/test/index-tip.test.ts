/**
 * `verity index` on a full node with no watermark and no `--first-checkpoint`: it starts at the
 * chain tip, says so, and resumes at its watermark afterwards.
 */
import { Writable } from "node:stream";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { datasets, openDatabase } from "@verity/db";
import { provenanceScenario, type SuiNodeDouble, startSuiNodeDouble } from "@verity/test-scenarios";
import { createPostgresDatabase } from "@verity/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexCommand } from "../src/run.ts";

const PKG = normalizeSuiAddress("0x71b");
const scenario = provenanceScenario(PKG, 20, 2000);

/** A logger whose messages land in `messages`. */
function capturingLogger() {
  const messages: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      messages.push((JSON.parse(String(chunk)) as { msg: string }).msg);
      done();
    },
  });
  return { logger: pino({ level: "info" }, sink), messages };
}

describe("verity index on a full node, without a watermark or --first-checkpoint", () => {
  let node: SuiNodeDouble;
  let target: Awaited<ReturnType<typeof createPostgresDatabase>>;
  beforeAll(async () => {
    node = await startSuiNodeDouble(scenario.slice(0, 10), { upcoming: scenario.slice(10) });
    target = await createPostgresDatabase();
  });
  afterAll(async () => {
    await node.close();
    await target.drop();
  });

  const index = (lastCheckpoint: bigint, logger: pino.Logger) =>
    indexCommand({
      network: "localnet",
      grpc: node.url,
      packageIds: [PKG],
      pipelines: ["provenance"],
      lastCheckpoint,
      databaseUrl: target.url,
      logger,
    });

  it("starts at the chain tip and says so", async () => {
    const { logger, messages } = capturingLogger();
    const watermarks = await index(2012n, logger);
    expect(watermarks.get("provenance")).toBe(2012n);
    expect(messages).toContain(
      "no watermark yet: starting at the chain tip, checkpoint 2009 (--first-checkpoint to start elsewhere)",
    );
    const database = await openDatabase({ url: target.url });
    try {
      const checkpoints = (await database.db.select().from(datasets)).map((d) => d.checkpoint);
      expect(Math.min(...checkpoints)).toBe(2009);
      expect(Math.max(...checkpoints)).toBe(2012);
    } finally {
      await database.close();
    }
  });

  it("resumes at its watermark on the next run, without asking for the tip", async () => {
    const { logger, messages } = capturingLogger();
    const watermarks = await index(2015n, logger);
    expect(watermarks.get("provenance")).toBe(2015n);
    expect(messages.some((m) => m.includes("chain tip"))).toBe(false);
  });
});

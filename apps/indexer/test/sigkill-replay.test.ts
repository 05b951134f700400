/**
 * Exactly once, for real: `verity index` replays a long provenance scenario from the gRPC
 * double into PostgreSQL, is killed with SIGKILL at seeded random moments and restarted until
 * it finishes. The final tables must equal an uninterrupted run's: no row lost, none
 * duplicated, the watermark at the last checkpoint.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { openDatabase, readWatermark } from "@verity/db";
import { provenanceScenario, type SuiNodeDouble, startSuiNodeDouble } from "@verity/test-scenarios";
import { createPostgresDatabase, prng } from "@verity/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseStore } from "../src/db-store.ts";
import { runIndexer } from "../src/indexer.ts";
import { provenanceProcessor } from "../src/pipelines/provenance/processor.ts";
import { GrpcCheckpointSource } from "../src/sources/grpc/source.ts";
import { readAll } from "./support/tables.ts";

const REPO = new URL("../../../", import.meta.url).pathname;
const PKG = normalizeSuiAddress("0xdead5");
const STORIES = 400;
const FIRST = 5000;
const LAST = FIRST + STORIES - 1;
const scenario = provenanceScenario(PKG, STORIES, FIRST);

/** Starts `verity index` on the double, into `url`, committing every checkpoint. */
function verityIndex(node: SuiNodeDouble, url: string): ChildProcess {
  const args = ["apps/cli/src/main.ts", "index", "--network", "localnet", "--grpc", node.url];
  args.push("--package-id", PKG, "--pipelines", "provenance", "--database-url", url);
  args.push("--first-checkpoint", `${FIRST}`, "--last-checkpoint", `${LAST}`, "--batch-size", "1");
  return spawn(`${REPO}node_modules/.bin/tsx`, args, { cwd: REPO, stdio: "ignore" });
}

/** Resolves with the exit code, or with "killed" after `ms` (having sent SIGKILL). */
function exitOrKill(child: ChildProcess, ms: number): Promise<number | "killed"> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, ms);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(signal === "SIGKILL" ? "killed" : (code ?? -1));
    });
  });
}

describe("verity index killed with SIGKILL during a long replay", () => {
  let node: SuiNodeDouble;
  const dropLater: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    node = await startSuiNodeDouble(scenario);
  });
  afterAll(async () => {
    await node.close();
    for (const drop of dropLater) await drop();
  });

  it("ends with the same tables as an uninterrupted run", { timeout: 600_000 }, async () => {
    const reference = await createPostgresDatabase();
    const killed = await createPostgresDatabase();
    dropLater.push(reference.drop, killed.drop);

    const uninterrupted = await openDatabase({ url: reference.url });
    await runIndexer({
      source: new GrpcCheckpointSource({ url: node.url }),
      store: databaseStore(uninterrupted.db),
      processors: [provenanceProcessor({ network: "localnet", packageIds: [PKG] })],
      firstCheckpoint: BigInt(FIRST),
      lastCheckpoint: BigInt(LAST),
      batchCheckpoints: 2,
    });
    const expected = await readAll(uninterrupted.db);
    await uninterrupted.close();

    // Kill at seeded random moments until two kills have landed mid-replay (however slow the
    // machine: a kill before the first commit or after the last does not count), then let one
    // last run finish on its own.
    const random = prng(2026);
    const watermarksAtKill: (number | undefined)[] = [];
    const midReplay = () =>
      watermarksAtKill.filter((w) => w !== undefined && w > FIRST && w < LAST);
    for (let run = 0; run < 30 && midReplay().length < 2; run++) {
      const exit = await exitOrKill(verityIndex(node, killed.url), 1000 + random() * 2000);
      if (exit !== "killed") break;
      const probe = await openDatabase({ url: killed.url });
      watermarksAtKill.push(await readWatermark(probe.db, "provenance"));
      await probe.close();
    }
    expect(
      midReplay().length,
      `kills at watermarks ${watermarksAtKill.join(", ")}`,
    ).toBeGreaterThanOrEqual(2);
    expect(await exitOrKill(verityIndex(node, killed.url), 180_000)).toBe(0);

    const survivor = await openDatabase({ url: killed.url });
    expect(await readWatermark(survivor.db, "provenance")).toBe(LAST);
    expect(await readAll(survivor.db)).toEqual(expected);
    await survivor.close();
  });
});

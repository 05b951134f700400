/**
 * `verity verify proof` on a bundle of a real mainnet event (../shared/fixtures: event 3 of the
 * end-of-epoch transaction of 16005062, certified by 61 of epoch 189's 105 validators): every
 * step ✓ and exit 0; a tampered bundle ✗ at its step and exit 1; a file that is no bundle, one
 * line and exit 1.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeCheckpointFile, proofBundleOf, proofBundleToJson } from "@verity/checkpoints";
import { fixturePath } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { errorLines, runCli } from "./support/cli.ts";

const LAST_OF_188 = fixturePath("mainnet", 15918264);
const checkpoint = decodeCheckpointFile(
  new Uint8Array(readFileSync(fixturePath("mainnet", 16005062))),
);
const tx = checkpoint.transactions[1]!;
const json = proofBundleToJson(proofBundleOf(checkpoint, tx, 3), {
  checkpoint: 16005062n,
  epoch: 189n,
});
const dir = mkdtempSync(join(tmpdir(), "verity-verify-proof-"));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
};

describe("verity verify proof", () => {
  it("proves a real mainnet event step by step", async () => {
    const result = await runCli([
      "verify",
      "proof",
      write("ok.json", json),
      "--committee",
      LAST_OF_188,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(0, 7)).toEqual([
      "✓ certificate: checkpoint 16005062 certified by 61 of 105 validators of epoch 189, 66.84% of the voting power",
      "✓ contents: contents digest 4rphBXRfdyHnpbMs5SQJpiEhsAho5EtppYVSYYhxx2Aq is the summary's; 2 transactions",
      `✓ transaction: transaction ${tx.digest} is number 1 of the contents`,
      "✓ effects: effects digest SdHwQAGbeVqJzA1M3YAuVMdgYZv63TKx3ZR44FHfbvF is listed; they name events digest Cgm63GuXK8GQCsDgbHppEz3n2PM9hfEy6dAm7Rx63hXc",
      "✓ events: events digest Cgm63GuXK8GQCsDgbHppEz3n2PM9hfEy6dAm7Rx63hXc is the effects'; 211 events",
      `✓ event: event 3: ${tx.events[3]!.type}`,
      `proven: event 3 of transaction ${tx.digest}`,
    ]);
  });

  it("stops at the step a tamper breaks, with exit code 1", async () => {
    const events = Buffer.from(json.events, "base64");
    events.writeUInt8(events.readUInt8(events.length - 1) ^ 0x01, events.length - 1);
    const path = write("tampered.json", { ...json, events: events.toString("base64") });
    const result = await runCli(["verify", "proof", path, "--committee", LAST_OF_188]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines.map((line) => line.slice(0, 14))).toEqual([
      "✓ certificate:",
      "✓ contents: co",
      "✓ transaction:",
      "✓ effects: eff",
      "✗ events: even",
      "not proven: th",
    ]);
    expect(lines.at(-1)).toBe("not proven: the events step failed");
  });

  it("refuses a file that is not a bundle, in one line", async () => {
    const path = write("bad.json", { ...json, version: 9 });
    const result = await runCli(["verify", "proof", path, "--committee", LAST_OF_188]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      expect.stringMatching(/^error: not a proof bundle: version: /),
    ]);
  });
});

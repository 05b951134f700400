/**
 * `verity verify checkpoint` on the real certificates of ../shared/fixtures: certified with the
 * committee from a checkpoint's end-of-epoch data or from a committee file; refused, in one line
 * with exit code 1, for a wrong committee, a changed byte and a file that is missing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturePath } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { errorLines, runCli } from "./support/cli.ts";

const MAINNET = fixturePath("mainnet", 16005062);
const LAST_OF_188 = fixturePath("mainnet", 15918264);
const OCS = join(fixturePath("mainnet", 0), "..", "..", "..", "light-client", "ocs");

describe("verity verify checkpoint", () => {
  it("certifies mainnet 16005062 with the committee 15918264's end-of-epoch data names", async () => {
    const result = await runCli(["verify", "checkpoint", MAINNET, "--committee", LAST_OF_188]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      "certified: checkpoint 16005062, epoch 189, 61 of 105 validators, 6684 of 10000 voting power",
    );
  });

  it("certifies an untagged checkpoint with a committee file", async () => {
    const result = await runCli([
      "verify",
      "checkpoint",
      join(OCS, "1137.chk"),
      "--committee",
      join(OCS, "committee.bcs"),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      "certified: checkpoint 1137, epoch 0, 3 of 4 validators, 7500 of 10000 voting power",
    );
  });

  it("refuses a wrong committee, a changed byte and a missing file, saying why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verity-verify-checkpoint-"));
    const changed = Uint8Array.from(readFileSync(MAINNET));
    const at = 1 + 8 + 8 + 8 + 1 + 5; // a byte of the summary's content digest
    changed[at] = (changed[at] as number) ^ 0x01;
    const forged = join(dir, "16005062.chk");
    writeFileSync(forged, changed);
    const cases: [string[], string][] = [
      [
        [join(OCS, "1137.chk"), "--committee", LAST_OF_188],
        "error: signed by epoch 0's committee, given epoch 189's",
      ],
      [
        [forged, "--committee", LAST_OF_188],
        "error: the aggregate signature of 61 signers does not verify over checkpoint 16005062's summary",
      ],
      [
        [MAINNET, "--committee", join(dir, "none.bcs")],
        `error: ${join(dir, "none.bcs")}: no such file`,
      ],
      [
        [MAINNET, "--committee", fixturePath("testnet", 248050771)],
        "error: checkpoint 248050771 is not the last of its epoch: no next committee",
      ],
    ];
    for (const [args, line] of cases) {
      const result = await runCli(["verify", "checkpoint", ...args]);
      expect(result.code).toBe(1);
      expect(errorLines(result.stderr)).toEqual([line]);
    }
  });
});

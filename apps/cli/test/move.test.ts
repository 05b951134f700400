import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { resolveFramework } from "@verity/move-tools";
import { skipWithoutFramework, writeProbePackage } from "@verity/testing";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const REPO = new URL("../../../", import.meta.url).pathname;
const local = !skipWithoutFramework(resolveFramework().kind === "local", "move.test.ts");

/** Runs `verity move test <args>`; resolves with exit code and output, never throws. */
async function verityMoveTest(args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    const { stdout, stderr } = await run(
      join(REPO, "node_modules/.bin/tsx"),
      ["apps/cli/src/main.ts", "move", "test", ...args],
      {
        cwd: REPO,
        env,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);

describe("verity move test", () => {
  it.skipIf(!local)(
    "ends with `N passed, N failed` and exits 1 when a Move test fails",
    async () => {
      const dir = writeProbePackage(
        "public fun one(): u64 { 1 }",
        "#[test] fun ok() { assert!(probe::probe::one() == 1) }\n#[test] fun bad() { assert!(probe::probe::one() == 2) }",
      );
      const result = await verityMoveTest([dir]);
      expect(result.code).toBe(1);
      expect(lastLine(result.stdout)).toMatch(/^1 passed, 1 failed \(framework from /);
    },
  );

  it.skipIf(!local)("exits 0 when every test passes", async () => {
    const dir = writeProbePackage(
      "public fun one(): u64 { 1 }",
      "#[test] fun ok() { assert!(probe::probe::one() == 1) }",
    );
    const result = await verityMoveTest([dir]);
    expect(result.code).toBe(0);
    expect(lastLine(result.stdout)).toMatch(/^1 passed, 0 failed/);
  });

  it("fails loudly when SUI_FRAMEWORK_DIR does not hold the framework", async () => {
    const empty = mkdtempSync(join(tmpdir(), "no-framework-"));
    const result = await verityMoveTest([], { ...process.env, SUI_FRAMEWORK_DIR: empty });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SUI_FRAMEWORK_DIR=.* does not hold crates\/sui-framework/);
    expect(result.stdout).not.toMatch(/passed/);
  });

  it("names the known packages when asked for one that does not exist", async () => {
    const result = await verityMoveTest(["nope"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no Move package named nope .*found: verity/);
  });
});

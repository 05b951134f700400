import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { skipWithoutFramework, writeProbePackage } from "@verity/testing";
import { MovePackageFetcher } from "@zktx.io/sui-move-builder/full";
import { describe, expect, it } from "vitest";
import {
  captureByteVectors,
  type FrameworkSource,
  parseTestSummary,
  resolveFramework,
  runMoveTests,
  SHARED_FRAMEWORK_DIR,
} from "../src/index.ts";

const framework = resolveFramework();
const local = !skipWithoutFramework(
  framework.kind === "local",
  "the Move VM tests of test-runner.test.ts",
);

describe("parseTestSummary", () => {
  it("reads the runner's summary line, colours and all", () => {
    const output =
      "[ PASS ] a::b::c\nTest result: \u001b[1;91mFAILED\u001b[0m. Total tests: 5; passed: 3; failed: 2\n";
    expect(parseTestSummary(output)).toEqual({ passed: 3, failed: 2 });
  });

  it("returns undefined when there is no summary", () => {
    expect(parseTestSummary("error[E01002]: unexpected token")).toBeUndefined();
  });
});

describe("resolveFramework", () => {
  it("refuses a SUI_FRAMEWORK_DIR without the framework, loudly", () => {
    const empty = mkdtempSync(join(tmpdir(), "no-framework-"));
    expect(() => resolveFramework({ SUI_FRAMEWORK_DIR: empty })).toThrow(
      /does not hold crates\/sui-framework/,
    );
  });

  it("falls back to GitHub when nothing is configured or cached", () => {
    const home = mkdtempSync(join(tmpdir(), "home-"));
    const previous = process.env.HOME;
    process.env.HOME = home;
    try {
      expect(resolveFramework({}, []).kind).toBe("github");
    } finally {
      process.env.HOME = previous;
    }
  });

  it("takes the first candidate that holds the framework, before the home cache", () => {
    const empty = mkdtempSync(join(tmpdir(), "no-framework-"));
    const copy = mkdtempSync(join(tmpdir(), "framework-"));
    mkdirSync(join(copy, "crates/sui-framework/packages/sui-framework"), { recursive: true });
    writeFileSync(join(copy, "crates/sui-framework/packages/sui-framework/Move.toml"), "");
    const source = resolveFramework({}, [empty, copy]);
    expect(source.kind === "local" && source.dir).toBe(copy);
  });

  it("looks for the team's copy beside the checkout by default", () => {
    const checkout = fileURLToPath(new URL("../../..", import.meta.url));
    expect(SHARED_FRAMEWORK_DIR).toBe(join(checkout, "..", "shared", "sui-framework"));
  });
});

describe("runMoveTests in the real Move VM", () => {
  it("reports a framework it cannot fetch as skipped, never as passed", async () => {
    class Offline extends MovePackageFetcher {
      override async fetch(): Promise<Record<string, string>> {
        throw new Error("getaddrinfo ENOTFOUND api.github.com");
      }
      override async fetchFile(): Promise<string | null> {
        throw new Error("getaddrinfo ENOTFOUND raw.githubusercontent.com");
      }
    }
    const offline: FrameworkSource = { kind: "github", fetcher: new Offline() };
    const dir = writeProbePackage(
      "public fun one(): u64 { 1 }",
      "#[test] fun t() { assert!(probe::probe::one() == 1); }",
    );
    const result = await runMoveTests(dir, offline);
    expect(result.status).toBe("skipped");
  });

  it.skipIf(!local)("counts passes and failures, including expected aborts", async () => {
    const dir = writeProbePackage(
      '#[error]\nconst ETooBig: vector<u8> = b"too big";\npublic fun check(x: u64) { assert!(x < 10, ETooBig) }',
      [
        "#[test] fun small() { probe::probe::check(1) }",
        "#[test, expected_failure(abort_code = probe::probe::ETooBig)] fun big() { probe::probe::check(10) }",
        "#[test] fun wrong() { probe::probe::check(11) }",
      ].join("\n"),
    );
    const result = await runMoveTests(dir, framework);
    expect(result).toMatchObject({ status: "ran", passed: 2, failed: 1 });
  });

  it.skipIf(!local)("reports a compile error as an error, with the diagnostic", async () => {
    const dir = writeProbePackage("public fun broken(): u64 { true }", "");
    const result = await runMoveTests(dir, framework);
    expect(result.status).toBe("error");
    expect(result.status === "error" && result.reason).toMatch(
      /did not compile[\s\S]*error\[E\d+\]/,
    );
  });

  it.skipIf(!local)("captures byte vectors computed in the VM, exactly", async () => {
    const dir = writeProbePackage(
      '#[test_only]\npublic fun vectors(): vector<vector<u8>> { vector[vector[], x"00ff", std::bcs::to_bytes(&0x0123456789abcdefu64), b"hello, golden world"] }',
      "",
    );
    const vectors = await captureByteVectors(dir, framework, "probe::probe::vectors");
    expect(vectors.map((v) => Buffer.from(v).toString("hex"))).toEqual([
      "",
      "00ff",
      "efcdab8967452301",
      Buffer.from("hello, golden world").toString("hex"),
    ]);
  });
});

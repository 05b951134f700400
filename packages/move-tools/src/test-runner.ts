import { testMovePackage } from "@zktx.io/sui-move-builder/full";
import { initBuilder } from "./builder.ts";
import { type FrameworkSource, readMovePackage } from "./framework.ts";

/** Outcome of running one package's Move unit tests in the WASM Move VM. */
export type MoveTestResult =
  | { status: "ran"; passed: number; failed: number; output: string }
  | { status: "skipped"; reason: string }
  | { status: "error"; reason: string };

const SUMMARY = /Test result: \w+\. Total tests: (\d+); passed: (\d+); failed: (\d+)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour escapes
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Parses the Move test runner's summary line (`Test result: OK. Total tests: N; passed: X;
 * failed: Y`).
 *
 * @returns `{ passed, failed }`, or undefined when the output has no summary line
 */
export function parseTestSummary(output: string): { passed: number; failed: number } | undefined {
  const match = output.replace(ANSI, "").match(SUMMARY);
  return match ? { passed: Number(match[2]), failed: Number(match[3]) } : undefined;
}

/**
 * Compiles a Move package with its tests and runs them in the real Move VM (WASM).
 *
 * @param dir package directory (holds `Move.toml`, `sources/`, `tests/`)
 * @param framework where `std` and `sui` come from; when GitHub is unreachable the run is
 *   reported as `skipped`, never as passed
 * @param extraFiles more files to compile with the package, as `{ "tests/x.move": source }`
 *   (used by the golden-vector capture); never written to disk
 */
export async function runMoveTests(
  dir: string,
  framework: FrameworkSource,
  extraFiles: Record<string, string> = {},
): Promise<MoveTestResult> {
  await initBuilder();
  const files = { ...readMovePackage(dir), ...extraFiles };
  const result = await testMovePackage({ files, fetcher: framework.fetcher, network: "testnet" });
  if ("error" in result) {
    if (result.category === "dependency_resolution" && framework.kind === "github") {
      return {
        status: "skipped",
        reason: `the Sui framework could not be fetched from GitHub (${firstLine(result.error)}); set SUI_FRAMEWORK_DIR`,
      };
    }
    return { status: "error", reason: `${result.category}: ${result.error}` };
  }
  const output = result.output.replace(ANSI, "");
  const summary = parseTestSummary(output);
  if (!summary)
    return {
      status: "error",
      reason: `the package did not compile, or the runner stopped early:\n${output}`,
    };
  return { status: "ran", ...summary, output };
}

const firstLine = (text: string) => text.split("\n")[0] ?? text;

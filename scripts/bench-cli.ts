/**
 * `pnpm bench:cli`: how fast the installed `verity` starts. Builds nothing itself: run
 * `pnpm build` first. Packs the CLI and its packages, installs the tarballs into an empty
 * directory (as from a registry), then runs `verity --help` from the installed bin, and, as the
 * baseline in the same run, `node -e 0`; prints each one's median and p90 over the runs and
 * their ratio. Last line: `cli_help_ms=<median>` (the aim is at most 500).
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { installPacked } from "../apps/cli/test/support/installed.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/** Wall-clock ms of each of `RUNS` runs of `command args` (after one warm-up run). */
function timed(command: string, args: string[], cwd: string): number[] {
  execFileSync(command, args, { cwd, stdio: "ignore" });
  return Array.from({ length: RUNS }, () => {
    const start = performance.now();
    execFileSync(command, args, { cwd, stdio: "ignore" });
    return performance.now() - start;
  }).sort((a, b) => a - b);
}

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

console.log("packing and installing @verity/cli and its packages...");
const installed = await installPacked();
try {
  const help = timed(installed.bin, ["--help"], installed.dir);
  const node = timed(process.execPath, ["-e", "0"], installed.dir);
  const line = (name: string, ms: number[]) =>
    console.log(
      `${name.padEnd(16)} median ${at(ms, 0.5).toFixed(0)} ms  p90 ${at(ms, 0.9).toFixed(0)} ms`,
    );
  line("verity --help", help);
  line("node -e 0", node);
  console.log(`ratio_vs_node=${(at(help, 0.5) / at(node, 0.5)).toFixed(2)}`);
  console.log(`cli_help_ms=${at(help, 0.5).toFixed(0)}`);
} finally {
  rmSync(installed.dir, { recursive: true, force: true });
}

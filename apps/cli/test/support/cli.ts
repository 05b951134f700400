/**
 * The `verity` command as a user runs it: a real process (`node --import tsx apps/cli/src/main.ts`,
 * as `pnpm verity` and the container run it), from the repository root, with its output collected
 * (test tooling). Signals reach the process itself: the `tsx` command's own signal relay would
 * SIGKILL it when it does not acknowledge a SIGTERM within 30 ms, as happens on a loaded machine.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository root, the working directory of every run. */
export const REPO_ROOT = resolve(import.meta.dirname, "..", "..", "..", "..");

/** The real testnet checkpoints of the shared fixtures (`../shared` next to the repository). */
export const TESTNET_CHECKPOINTS = join(
  REPO_ROOT,
  "..",
  "shared",
  "fixtures",
  "sui-checkpoints",
  "testnet",
);

if (!existsSync(TESTNET_CHECKPOINTS)) {
  throw new Error(
    `Sui checkpoint fixtures missing: ${TESTNET_CHECKPOINTS} (../shared next to the repository)`,
  );
}

const MAIN = join(REPO_ROOT, "apps", "cli", "src", "main.ts");

/** The environment of a run: this one's, without `DATABASE_URL` unless given. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = process.env;
  return { ...rest, ...env };
}

/** A running `verity` process. */
export interface CliProcess {
  child: ChildProcess;
  /** Everything written so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Resolves when `test(stdout, stderr)` holds; rejects when the process ends first. */
  waitFor(test: (stdout: string, stderr: string) => boolean): Promise<void>;
}

/** Starts `verity <args>`. */
export function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
    cwd: REPO_ROOT,
    env: environment(env),
  });
  let stdout = "";
  let stderr = "";
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const check of waiters) check();
  };
  child.stdout!.on("data", (chunk) => {
    stdout += chunk;
    notify();
  });
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
    notify();
  });
  const exited = new Promise<number | string>((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => done(code ?? signal ?? "unknown"));
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    waitFor(test) {
      return new Promise((done, fail) => {
        const check = () => {
          if (!test(stdout, stderr)) return;
          waiters.delete(check);
          done();
        };
        waiters.add(check);
        check();
        void exited.then((code) => {
          if (!waiters.has(check)) return;
          waiters.delete(check);
          fail(new Error(`verity exited (${code}) first; stderr:\n${stderr}`));
        });
      });
    },
  };
}

/** A finished run: its exit code (or the signal's name) and output. */
export interface CliRun {
  code: number | string;
  stdout: string;
  stderr: string;
}

/** Runs `verity <args>` to its end. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = startCli(args, env);
  const code = await run.exited;
  return { code, stdout: run.stdout, stderr: run.stderr };
}

/** The `error: ...` lines of a run's stderr (logs are JSON lines). */
export const errorLines = (stderr: string) =>
  stderr.split("\n").filter((line) => line.startsWith("error:"));

/** The API's URL, once `start` or `serve` has printed it. */
export async function apiUrl(run: CliProcess): Promise<string> {
  const pattern = /Verity API (?:and explorer )?at (http:\/\/\S+) /;
  await run.waitFor((stdout) => pattern.test(stdout));
  return pattern.exec(run.stdout)![1]!;
}

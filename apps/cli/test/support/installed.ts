/**
 * Verity as a user gets it from a registry: every package the CLI needs, built (`dist`) and
 * packed with `pnpm pack` (which applies `publishConfig` and turns `workspace:*` into versions),
 * then installed with `npm install` from the tarballs into an empty directory, third-party
 * dependencies from the registry (test and benchmark tooling).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** pnpm as this process was started by it (`npm_execpath`), else the one on PATH. */
const PNPM: [string, ...string[]] = process.env.npm_execpath?.includes("pnpm")
  ? [process.execPath, process.env.npm_execpath]
  : ["pnpm"];

/** The repository root. */
const ROOT = resolve(import.meta.dirname, "..", "..", "..", "..");

/** The packages `@verity/cli` installs with, by folder: itself and its dependencies. */
export const PACKED = [
  "packages/sdk",
  "packages/checkpoints",
  "packages/db",
  "packages/move-tools",
  "apps/indexer",
  "apps/api",
  "apps/demo",
  "apps/cli",
];

/** An empty directory with Verity installed from tarballs. */
export interface Installed {
  /** The directory (holds `package.json` and `node_modules`). */
  dir: string;
  /** The installed `verity` bin (`node_modules/.bin/verity`). */
  bin: string;
  /** The packages installed from tarballs, by name (`@verity/sdk`, ...). */
  packages: string[];
}

/**
 * Packs `PACKED` (their `dist` must be built: `pnpm build`) and installs the tarballs into a new
 * empty directory under the system temp dir.
 *
 * @throws the failing command's error (with its output) when packing or installing fails
 */
export async function installPacked(): Promise<Installed> {
  const dir = mkdtempSync(join(tmpdir(), "verity-installed-"));
  const packs = join(dir, "packs");
  mkdirSync(packs);
  for (const folder of PACKED) {
    const [command, ...args] = PNPM;
    await run(command, [...args, "pack", "--pack-destination", packs], { cwd: join(ROOT, folder) });
  }
  const tarballs = readdirSync(packs).filter((name) => name.endsWith(".tgz"));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "verity-user", private: true, type: "module" }),
  );
  await run(
    "npm",
    ["install", "--no-audit", "--no-fund", ...tarballs.map((name) => join(packs, name))],
    { cwd: dir, maxBuffer: 64 << 20 },
  );
  const packages = PACKED.map(
    (folder) =>
      (JSON.parse(readFileSync(join(ROOT, folder, "package.json"), "utf8")) as { name: string })
        .name,
  );
  return { dir, bin: join(dir, "node_modules", ".bin", "verity"), packages };
}

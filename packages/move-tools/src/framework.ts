import { existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GitHubMovePackageFetcher, MovePackageFetcher } from "@zktx.io/sui-move-builder/full";

/** Where the Sui framework sources (`std`, `sui`, ...) come from for a build or test run. */
export type FrameworkSource =
  | { kind: "local"; dir: string; fetcher: MovePackageFetcher }
  | { kind: "github"; fetcher: MovePackageFetcher };

/** Files the Move compiler needs from a package directory; everything else is ignored. */
const isPackageFile = (path: string): boolean =>
  path.endsWith(".move") || path === "Move.toml" || path === "Move.lock";

/**
 * Reads a Move package directory into the `{ relativePath: contents }` snapshot the WASM
 * compiler takes. Skips `build/`, dot-folders and, when `withTests` is false, `tests/`.
 *
 * @param dir absolute or relative path of a directory holding `Move.toml`
 * @throws Error when `dir` holds no `Move.toml`
 */
export function readMovePackage(dir: string, withTests = true): Record<string, string> {
  if (!existsSync(join(dir, "Move.toml")))
    throw new Error(`${dir} is not a Move package: no Move.toml`);
  const files: Record<string, string> = {};
  const walk = (abs: string, rel: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const skip =
          entry.name.startsWith(".") || path === "build" || (!withTests && path === "tests");
        if (!skip) walk(join(abs, entry.name), path);
      } else if (isPackageFile(path)) {
        files[path] = readFileSync(join(abs, entry.name), "utf8");
      }
    }
  };
  walk(dir, "");
  return files;
}

/**
 * Serves framework packages (`crates/sui-framework/packages/*`) from a local directory laid
 * out like a Sui checkout, whatever git URL and revision the builder asks for. The framework's
 * own `tests/` folders are left out: they are not needed to build against the framework and
 * would slow every run (README, Measurements).
 */
export class LocalFrameworkFetcher extends MovePackageFetcher {
  constructor(private readonly root: string) {
    super();
  }

  override async fetch(_gitUrl: string, _rev: string, subdir?: string) {
    return readMovePackage(join(this.root, subdir ?? ""), false);
  }

  override async fetchFile(_gitUrl: string, _rev: string, path: string) {
    const file = join(this.root, path);
    return existsSync(file) ? readFileSync(file, "utf8") : null;
  }

  override getResolvedSha(_gitUrl: string, rev: string) {
    return rev;
  }
}

/** The path, inside a Sui checkout, of the framework package the compiler always needs. */
const FRAMEWORK_MARKER = "crates/sui-framework/packages/sui-framework/Move.toml";

/**
 * The team's copy of the framework beside a checkout of this repository
 * (`<checkout>/../shared/sui-framework`, as CI lays it out).
 */
export const SHARED_FRAMEWORK_DIR = fileURLToPath(
  new URL("../../../../shared/sui-framework", import.meta.url),
);

/**
 * Chooses the framework source: `SUI_FRAMEWORK_DIR` when set; else the first of `candidates`
 * (directories laid out like a Sui checkout; by default `SHARED_FRAMEWORK_DIR`) and then
 * `~/.cache/sui-framework` that holds one; else GitHub (which needs internet).
 *
 * @throws Error when `SUI_FRAMEWORK_DIR` is set but does not hold the framework packages
 */
export function resolveFramework(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = [SHARED_FRAMEWORK_DIR],
): FrameworkSource {
  const explicit = env.SUI_FRAMEWORK_DIR;
  if (explicit && !existsSync(join(explicit, FRAMEWORK_MARKER))) {
    throw new Error(
      `SUI_FRAMEWORK_DIR=${explicit} does not hold ${FRAMEWORK_MARKER}; see DEVELOPERS.md for how to extract the framework`,
    );
  }
  const local = explicit ? [explicit] : [...candidates, join(homedir(), ".cache", "sui-framework")];
  const dir = local.find((candidate) => existsSync(join(candidate, FRAMEWORK_MARKER)));
  if (dir) return { kind: "local", dir, fetcher: new LocalFrameworkFetcher(dir) };
  return { kind: "github", fetcher: new GitHubMovePackageFetcher(env.GITHUB_TOKEN) };
}

import { existsSync, readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";

/**
 * Lists the Move packages under a root folder (each direct child holding a `Move.toml`),
 * sorted by name. When `only` is given, returns just that package.
 *
 * @param root the repository's `move/` folder
 * @param only a package folder name under `root` (e.g. `verity`), or the path of any Move
 *   package directory
 * @throws Error when `only` names no package, or `root` holds none
 */
export function findMovePackages(root: string, only?: string): { name: string; dir: string }[] {
  if (only && existsSync(join(only, "Move.toml")))
    return [{ name: basename(resolve(only)), dir: resolve(only) }];
  const dirs = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, "Move.toml")))
    .map((e) => ({ name: e.name, dir: resolve(root, e.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const found = only ? dirs.filter((p) => p.name === only || p.dir === resolve(only)) : dirs;
  if (found.length === 0) {
    const known = dirs.map((p) => p.name).join(", ") || "none";
    throw new Error(
      `no Move package ${only ? `named ${basename(only)} ` : ""}under ${root} (found: ${known})`,
    );
  }
  return found;
}

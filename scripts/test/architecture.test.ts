/**
 * The repository's architecture (`.dependency-cruiser.cjs`), checked by dependency-cruiser on
 * every import of every module in packages/, apps/ and scripts/: no import cycle, no import from
 * apps/ in packages/, apps one way, no test tooling in product code. A second case plants each
 * violation in a scratch tree and sees every rule fire.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { cruise as depcruise, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");

/** Runs dependency-cruiser over `paths` (relative to `baseDir`) with our rules; its violations. */
async function cruise(baseDir: string, paths: string[]): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(CONFIG);
  const result = await depcruise(paths, { ...options, baseDir });
  if (typeof result.output === "string") throw new Error("dependency-cruiser returned text");
  return result.output.summary.violations;
}

const shown = (v: IViolation) =>
  `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(" -> ")})` : ""}`;

describe("architecture", () => {
  it("holds in packages/, apps/ and scripts/", async () => {
    const violations = await cruise(ROOT, ["packages", "apps", "scripts"]);
    expect(violations.map(shown)).toEqual([]);
  });

  it("catches a cycle, a package importing an app, apps the wrong way and test tooling", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verity-architecture-"));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write("packages/lib/src/a.ts", 'import { b } from "./b.ts";\nexport const a = b;\n');
    write("packages/lib/src/b.ts", 'import { a } from "./a.ts";\nexport const b = () => a;\n');
    write("packages/lib/src/c.ts", 'export { api } from "../../../apps/api/src/api.ts";\n');
    write(
      "apps/api/src/api.ts",
      'export { cli } from "../../cli/src/cli.ts";\nexport const api = 1;\n',
    );
    write(
      "apps/cli/src/cli.ts",
      'export { helper } from "../test/support/helper.ts";\nexport const cli = 1;\n',
    );
    write("apps/cli/test/support/helper.ts", "export const helper = 1;\n");
    write(
      "apps/api/test/x.test.ts",
      'export { helper } from "../../cli/test/support/helper.ts";\n',
    );
    const violations = await cruise(dir, ["packages", "apps"]);
    expect(new Set(violations.map((v) => v.rule.name))).toEqual(
      new Set([
        "no-circular",
        "packages-not-to-apps",
        "apps-one-way",
        "not-to-test-tooling",
        "not-to-other-tests",
      ]),
    );
  });
});

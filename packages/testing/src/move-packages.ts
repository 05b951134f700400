import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Writes a throwaway Move package named `probe` into a temp dir: one module with `sources`
 * as its body and `tests` as a test module's body. Returns the package directory.
 */
export function writeProbePackage(sources: string, tests: string): string {
  const dir = mkdtempSync(join(tmpdir(), "verity-move-"));
  mkdirSync(join(dir, "sources"));
  mkdirSync(join(dir, "tests"));
  writeFileSync(
    join(dir, "Move.toml"),
    '[package]\nname = "probe"\nedition = "2024"\n\n[addresses]\nprobe = "0x0"\n',
  );
  writeFileSync(join(dir, "sources", "probe.move"), `module probe::probe;\n${sources}\n`);
  writeFileSync(
    join(dir, "tests", "probe_tests.move"),
    `#[test_only]\nmodule probe::probe_tests;\n${tests}\n`,
  );
  return dir;
}

import {
  buildMovePackage,
  findMovePackages,
  type MoveTestResult,
  readMovePackage,
  resolveFramework,
  runMoveTests,
} from "@verity/move-tools";
import { MOVE_ROOT } from "../../paths.ts";

/** `verity move build [package]`: compiles each package and prints its modules and digest. */
export async function buildPackages(only?: string) {
  const framework = resolveFramework();
  for (const pkg of findMovePackages(MOVE_ROOT, only)) {
    const compiled = await buildMovePackage(pkg.dir, framework);
    const bytes = compiled.modules.reduce((sum, m) => sum + Buffer.from(m, "base64").length, 0);
    const digest = Buffer.from(compiled.digest).toString("hex");
    console.log(
      `${pkg.name}: ${compiled.modules.length} modules (${moduleNames(pkg.dir).join(", ")})`,
    );
    console.log(`  ${bytes} bytes of bytecode, package digest 0x${digest}`);
    console.log(
      `  links against ${compiled.dependencies.map((d) => d.replace(/^0x0+(?=.)/, "0x")).join(", ")}`,
    );
    if (compiled.warnings) console.log(compiled.warnings);
  }
}

/**
 * `verity move test [package]`: runs each package's unit tests in the Move VM; prints
 * `N passed, N failed`; exit code 1 on a failure, or on a skip with `CI` set.
 */
export async function testPackages(only?: string) {
  const framework = resolveFramework();
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const pkg of findMovePackages(MOVE_ROOT, only)) {
    const result = await runMoveTests(pkg.dir, framework);
    report(pkg.name, result);
    if (result.status === "ran") {
      passed += result.passed;
      failed += result.failed;
    } else if (result.status === "skipped") {
      skipped += 1;
    } else {
      failed += 1;
    }
  }
  const source =
    framework.kind === "local" ? `framework from ${framework.dir}` : "framework from GitHub";
  console.log(
    `${passed} passed, ${failed} failed${skipped ? `, ${skipped} package${skipped === 1 ? "" : "s"} SKIPPED` : ""} (${source})`,
  );
  if (failed > 0) process.exitCode = 1;
  if (skipped > 0 && process.env.CI) {
    console.error("Move tests may not be skipped in CI (CI is set): failing");
    process.exitCode = 1;
  }
}

/** Module names declared in a package's `sources/`, sorted. */
function moduleNames(dir: string): string[] {
  const sources = readMovePackage(dir, false);
  return Object.values(sources)
    .flatMap((text) => [...text.matchAll(/^module\s+\w+::(\w+)/gm)].map((m) => m[1] as string))
    .sort();
}

function report(name: string, result: MoveTestResult) {
  if (result.status === "ran") {
    console.log(result.output.trimEnd());
  } else if (result.status === "skipped") {
    console.error(`\n!!! ${name}: Move tests SKIPPED, NOT PASSED: ${result.reason}\n`);
  } else {
    console.error(`${name}: ${result.reason}`);
  }
}

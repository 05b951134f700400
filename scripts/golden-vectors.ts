/**
 * `pnpm golden:capture`: reads one sample of every `verity` event and object out of the real
 * Move VM (`verity::golden_tests::vectors`) and writes
 * packages/sdk/test/fixtures/golden-vectors.json with the expected decoded value of each
 * (test/support/golden-expected.ts; its `Uint8Array`s written as arrays of numbers). With
 * `--check` it writes nothing and exits 1 when the committed fixture differs from a fresh
 * capture.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { toHex } from "@mysten/bcs";
import {
  captureByteVectors,
  FrameworkUnavailableError,
  resolveFramework,
} from "@verity/move-tools";
import { goldenExpected } from "../packages/sdk/test/support/golden-expected.ts";

const fixture = new URL("../packages/sdk/test/fixtures/golden-vectors.json", import.meta.url);
const framework = resolveFramework();
console.error(`capturing golden vectors from the Move VM (framework: ${framework.kind})...`);
const raw = await captureByteVectors(
  new URL("../move/verity", import.meta.url).pathname,
  framework,
  "verity::golden_tests::vectors",
).catch((error: unknown) => {
  if (!(error instanceof FrameworkUnavailableError)) throw error;
  console.error(`\n!!! golden vectors NOT CHECKED (SKIPPED): ${error.message}\n`);
  process.exit(0);
});
const expected = await goldenExpected();
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const vectors: { type: string; bcs: string; expected: unknown }[] = [];
for (let i = 0; i < raw.length; i += 3) {
  const type = `${text(raw[i])}::${text(raw[i + 1])}`;
  if (!(type in expected))
    throw new Error(`no expected value for ${type}: add it to golden-expected.ts`);
  vectors.push({ type, bcs: toHex(raw[i + 2] as Uint8Array), expected: expected[type] });
}
const missing = Object.keys(expected).filter((type) => !vectors.some((v) => v.type === type));
if (missing.length) throw new Error(`the Move VM emitted no sample of ${missing.join(", ")}`);
const bytesAsNumbers = (_key: string, value: unknown) =>
  value instanceof Uint8Array ? Array.from(value) : value;
const json = `${JSON.stringify({ source: "verity::golden_tests::vectors", vectors }, bytesAsNumbers, 2)}\n`;

if (process.argv.includes("--check")) {
  const same = readFileSync(fixture, "utf8") === json;
  console.log(
    same ? "golden vectors are up to date" : "golden vectors are STALE: run pnpm golden:capture",
  );
  process.exitCode = same ? 0 : 1;
} else {
  writeFileSync(fixture, json);
  console.log(`wrote ${vectors.length} golden vectors to ${fixture.pathname}`);
}

import type { FrameworkSource } from "./framework.ts";
import { runMoveTests } from "./test-runner.ts";

/** The Sui framework could not be fetched, so nothing ran in the Move VM. */
export class FrameworkUnavailableError extends Error {}

/** Bytes per abort code: 7, so a code never sets bit 63 (which marks "clever" error codes). */
const CHUNK = 7;

/**
 * Reads a `vector<vector<u8>>` computed by Move code in the real Move VM.
 *
 * The WASM Move VM drops `std::debug::print` output, so the values travel through the one
 * channel its test runner reports: abort codes. A throwaway test module (compiled in memory,
 * never written) first aborts with the vector count, then with each vector's length, then
 * with each vector's bytes, 7 per test, big-endian.
 *
 * @param dir Move package directory
 * @param fn a `#[test_only] public fun (): vector<vector<u8>>` in that package, as
 *   `address::module::function`, e.g. `verity::golden_tests::vectors`
 * @throws FrameworkUnavailableError when the framework cannot be fetched (offline, no
 *   SUI_FRAMEWORK_DIR); Error when the package fails to compile or a capture test does not
 *   abort as planned
 */
export async function captureByteVectors(
  dir: string,
  framework: FrameworkSource,
  fn: string,
): Promise<Uint8Array[]> {
  const address = fn.split("::")[0];
  const run = async (tests: string[]) => {
    const source = [
      "#[test_only]",
      `module ${address}::capture_byte_vectors;`,
      `fun item(i: u64): vector<u8> { ${fn}()[i] }`,
      ...tests,
    ].join("\n");
    const result = await runMoveTests(dir, framework, {
      "tests/capture_byte_vectors.move": source,
    });
    if (result.status === "skipped") throw new FrameworkUnavailableError(result.reason);
    if (result.status === "error") throw new Error(`capture of ${fn} failed: ${result.reason}`);
    return abortCodes(result.output);
  };
  const [count] = (await run([`#[test] fun count() { abort ${fn}().length() }`])).values();
  const n = Number(count ?? -1n);
  if (n < 0) throw new Error(`capture of ${fn} failed: no vector count`);
  const lengthCodes = await run(
    range(n).map((i) => `#[test] fun len_${i}() { abort item(${i}).length() }`),
  );
  const lengths = range(n).map((i) => Number(required(lengthCodes, `len_${i}`)));
  const chunkTests = lengths.flatMap((length, i) =>
    range(Math.ceil(length / CHUNK)).map(
      (k) => `#[test] fun chunk_${i}_${k}() { abort chunk(item(${i}), ${k * CHUNK}) }`,
    ),
  );
  const chunkCodes = await run([
    `fun chunk(v: vector<u8>, from: u64): u64 { let mut x = 0; let mut i = from; while (i < from + ${CHUNK} && i < v.length()) { x = (x << 8) | (v[i] as u64); i = i + 1; }; x }`,
    ...chunkTests,
  ]);
  return lengths.map((length, i) => {
    const bytes = new Uint8Array(length);
    for (let k = 0; k * CHUNK < length; k++) {
      const width = Math.min(CHUNK, length - k * CHUNK);
      let code = required(chunkCodes, `chunk_${i}_${k}`);
      for (let j = width - 1; j >= 0; j--) {
        bytes[k * CHUNK + j] = Number(code & 0xffn);
        code >>= 8n;
      }
    }
    return bytes;
  });
}

/** The abort code of every failed test in a runner's output, by test function name. */
function abortCodes(output: string): Map<string, bigint> {
  const codes = new Map<string, bigint>();
  for (const match of output.matchAll(/┌── (\w+) ─+[\s\S]*?aborted with code (\d+)/g)) {
    codes.set(match[1] as string, BigInt(match[2] as string));
  }
  return codes;
}

function required(codes: Map<string, bigint>, test: string): bigint {
  const code = codes.get(test);
  if (code === undefined) throw new Error(`capture test ${test} did not abort with a code`);
  return code;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * `pnpm bench:certificate`: the cost of verifying a checkpoint certificate with each BLS library
 * used (`@noble/curves`, pure JS), on the real mainnet case of ../shared/fixtures: checkpoint
 * 16005062, epoch 189's committee (105 validators) from 15918264's end-of-epoch data. Prints the
 * one-off decompression of a committee's keys, then the median and p90 of verifying one
 * checkpoint with the keys decompressed, and the ratio of the two. Last line:
 * `certificate_verify_ms=<median>`.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import {
  decodeCheckpointData,
  nextCommittee,
  verifyCheckpointCertificate,
} from "@verity/checkpoints";
import { fixturePath } from "@verity/testing";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const chk = (seq: number) =>
  decodeCheckpointData(new Uint8Array(readFileSync(fixturePath("mainnet", seq)))).checkpointSummary;
const checkpoint = chk(16005062);
const last188 = chk(15918264);

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

const firsts: number[] = [];
for (let i = 0; i < 5; i++) {
  const committee = nextCommittee(last188); // a new object: its keys are decompressed again
  const start = performance.now();
  verifyCheckpointCertificate(checkpoint, committee);
  firsts.push(performance.now() - start);
}
const committee = nextCommittee(last188);
verifyCheckpointCertificate(checkpoint, committee);
const warm = Array.from({ length: RUNS }, () => {
  const start = performance.now();
  verifyCheckpointCertificate(checkpoint, committee);
  return performance.now() - start;
}).sort((a, b) => a - b);
firsts.sort((a, b) => a - b);
console.log(`@noble/curves, 105 validators, 61 signers:`);
console.log(
  `  first checkpoint of an epoch (keys decompressed): median ${at(firsts, 0.5).toFixed(0)} ms`,
);
console.log(
  `  each further checkpoint: median ${at(warm, 0.5).toFixed(1)} ms, p90 ${at(warm, 0.9).toFixed(1)} ms over ${RUNS}`,
);
console.log(`ratio_first_vs_further=${(at(firsts, 0.5) / at(warm, 0.5)).toFixed(1)}`);
console.log(`certificate_verify_ms=${at(warm, 0.5).toFixed(1)}`);

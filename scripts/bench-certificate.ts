/**
 * `pnpm bench:certificate`: the cost of verifying a checkpoint certificate with `@noble/curves`
 * (pure JS, `@verity/checkpoints`' default) and with `mcl-wasm` (WebAssembly, `@verity/indexer`'s
 * `mclBls`, what its verifying thread uses), both through `verifyCheckpointCertificate`, on the
 * real mainnet case of ../shared/fixtures: checkpoint 16005062, signed by 61 of epoch 189's 105
 * validators, the committee from 15918264's end-of-epoch data. First asserts that both libraries
 * accept the certificate and refuse it with one summary byte flipped (exit 1 otherwise). Prints
 * per library the first checkpoint of an epoch (a fresh committee: its keys decoded) and each
 * further one (median, p90), then the noble/mcl ratios.
 * Last line: `certificate_verify_ms=<noble median of a further checkpoint>`, after
 * `certificate_verify_ms_mcl=<mcl's>`.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import {
  type BlsVerifier,
  type CertifiedCheckpointSummary,
  type Committee,
  decodeCheckpointData,
  nextCommittee,
  verifyCheckpointCertificate,
} from "@verity/checkpoints";
import { mclBls } from "@verity/indexer";
import { fixturePath } from "@verity/testing";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const FIRSTS = 5;
const chk = (seq: number) =>
  decodeCheckpointData(new Uint8Array(readFileSync(fixturePath("mainnet", seq)))).checkpointSummary;
const checkpoint = chk(16005062);
const last188 = chk(15918264);
const bcs = Uint8Array.from(checkpoint.data.bcs);
bcs[bcs.length >> 1] = (bcs[bcs.length >> 1] ?? 0) ^ 1;
const tampered: CertifiedCheckpointSummary = { ...checkpoint, data: { ...checkpoint.data, bcs } };

/** One library's pairing check, for `verifyCheckpointCertificate`. */
interface Library {
  name: string;
  bls?: BlsVerifier;
}
const noble: Library = { name: "@noble/curves (pure JS)" };
const wasm: Library = { name: "mcl-wasm 2.4.1 (WebAssembly)", bls: await mclBls() };

const accepts = ({ bls }: Library, certified: CertifiedCheckpointSummary) => {
  try {
    verifyCheckpointCertificate(certified, nextCommittee(last188), bls);
    return true;
  } catch {
    return false;
  }
};
const verdicts = {
  "@noble/curves accepts the certificate": accepts(noble, checkpoint),
  "@noble/curves refuses it with a summary byte flipped": !accepts(noble, tampered),
  "mcl-wasm accepts the certificate": accepts(wasm, checkpoint),
  "mcl-wasm refuses it with a summary byte flipped": !accepts(wasm, tampered),
};
for (const [claim, holds] of Object.entries(verdicts)) {
  console.log(`${holds ? "ok" : "FAILED"}: ${claim}`);
  if (!holds) process.exitCode = 1;
}
if (process.exitCode) process.exit();

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
/** Milliseconds of each of `runs` calls of `run` (given the call's index), sorted. */
const timed = (runs: number, run: (index: number) => void) =>
  Array.from({ length: runs }, (_, index) => {
    const start = performance.now();
    run(index);
    return performance.now() - start;
  }).sort((a, b) => a - b);

/**
 * First-checkpoint (a fresh `Committee` object: its keys decoded) and further-checkpoint
 * timings of `library`, printed.
 */
function bench({ name, bls }: Library) {
  const verify = (committee: Committee) => verifyCheckpointCertificate(checkpoint, committee, bls);
  const committees = Array.from({ length: FIRSTS }, () => nextCommittee(last188));
  const first = at(
    timed(FIRSTS, (i) => verify(committees[i] as Committee)),
    0.5,
  );
  const committee = nextCommittee(last188);
  verify(committee);
  const further = timed(RUNS, () => verify(committee));
  console.log(`${name}, 105 validators, 61 signers:`);
  console.log(`  first checkpoint of an epoch (keys decompressed): median ${first.toFixed(1)} ms`);
  console.log(
    `  each further checkpoint: median ${at(further, 0.5).toFixed(2)} ms, p90 ${at(further, 0.9).toFixed(2)} ms over ${RUNS}`,
  );
  return { first, further: at(further, 0.5) };
}

const n = bench(noble);
const m = bench(wasm);
console.log(`node ${process.version}`);
console.log(
  `ratio_noble_vs_mcl first=${(n.first / m.first).toFixed(1)} further=${(n.further / m.further).toFixed(1)}`,
);
console.log(`certificate_verify_ms_mcl=${m.further.toFixed(2)}`);
console.log(`certificate_verify_ms=${n.further.toFixed(1)}`);

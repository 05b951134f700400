/**
 * The certificate-verifying thread (`node:worker_threads`) of `CertificateVerifier`: verifies
 * certified summaries in the order they come, on its own core, against the committees it holds
 * (offered, or named by the end-of-epoch data of a checkpoint it verified), each kept as one
 * `Committee` object so its keys are decompressed once per epoch. The pairing check is mcl-wasm's
 * (`mclBls`), loaded before the first message is taken (messages wait in the port till then).
 */
import { parentPort } from "node:worker_threads";
import { BcsReader, toBase58 } from "@mysten/bcs";
import {
  CertificateError,
  CertifiedCheckpointSummary,
  type Committee,
  committeeFromBcs,
  committeeToBcs,
  nextCommittee,
  readerOffset,
  suiDigest,
  verifyCheckpointCertificate,
} from "@verity/checkpoints";
import { mclBls } from "./mcl.ts";
import type { ToVerifier, VerifyCheck, VerifyRequest, VerifyResult } from "./messages.ts";

/** The committees this thread trusts, by epoch; those of epochs passed are dropped. */
const committees = new Map<bigint, Committee>();

const port = parentPort;
if (!port) throw new Error("certificates/worker.ts runs as a worker thread");
const bls = await mclBls();
port.on("message", (message: ToVerifier) => {
  if (message.kind === "committee") {
    const committee = committeeFromBcs(message.committee);
    if (!committees.has(committee.epoch)) committees.set(committee.epoch, committee);
  } else {
    port.postMessage(verify(message));
  }
});

/**
 * Checks that `request.certifiedSummary` decodes to its last byte, is the summary of that
 * checkpoint (sequence number, epoch, digest), and is certified by a quorum of its epoch's
 * committee; then, for the last checkpoint of an epoch, takes the next committee it names.
 */
function verify(request: VerifyRequest): VerifyResult {
  const { sequenceNumber, epoch } = request;
  const fail = (check: VerifyCheck, reason: string): VerifyResult => ({
    sequenceNumber,
    ok: false,
    check,
    reason,
  });
  let certified: typeof CertifiedCheckpointSummary.$inferType;
  try {
    const reader = new BcsReader(request.certifiedSummary);
    certified = CertifiedCheckpointSummary.read(reader);
    const end = readerOffset(reader);
    if (end !== request.certifiedSummary.length)
      throw new Error(`${request.certifiedSummary.length - end} bytes left, from byte ${end}`);
  } catch (error) {
    return fail("summary", `its certified summary does not decode: ${(error as Error).message}`);
  }
  const summary = certified.data.value;
  if (BigInt(summary.sequenceNumber) !== sequenceNumber || BigInt(summary.epoch) !== epoch)
    return fail(
      "summary",
      `its certified summary is checkpoint ${summary.sequenceNumber}'s of epoch ${summary.epoch}, not ${sequenceNumber}'s of epoch ${epoch}`,
    );
  const digest = toBase58(suiDigest("CheckpointSummary", certified.data.bcs));
  if (digest !== request.digest)
    return fail("summary", `its digest is ${request.digest}, its certified summary's ${digest}`);

  const committee = committees.get(epoch);
  if (!committee)
    return fail(
      "committee",
      epoch === 0n
        ? "no committee for epoch 0: pin the genesis committee with --committee"
        : `no committee for epoch ${epoch}: pin one with --committee, or index from the last checkpoint of epoch ${epoch - 1n}`,
    );
  try {
    verifyCheckpointCertificate(certified, committee, bls);
  } catch (error) {
    if (error instanceof CertificateError) return fail("certificate", error.message);
    throw error;
  }
  for (const passed of committees.keys()) if (passed < epoch) committees.delete(passed);
  if (!summary.endOfEpochData) return { sequenceNumber, ok: true };

  const next = nextCommittee(certified);
  const bcs = committeeToBcs(next);
  const held = committees.get(next.epoch);
  if (held && Buffer.compare(committeeToBcs(held), bcs) !== 0)
    return fail(
      "committee",
      `its end-of-epoch data names another committee of epoch ${next.epoch} than the trusted one (--committee, or the database's)`,
    );
  committees.set(next.epoch, next);
  return { sequenceNumber, ok: true, nextCommittee: { epoch: next.epoch, committee: bcs } };
}

/**
 * A decoding thread of `DecodePool`: decodes the store files it is sent (or reads them, given
 * their paths) with `decodeStoreFile`, in the order they come, runs the pipelines asked for on
 * each checkpoint, and sends back each checkpoint (and the pipelines' outputs instead of its
 * transactions), or why its file did not decode.
 */
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import {
  type Checkpoint,
  CheckpointDecodeError,
  type CheckpointTransaction,
  decodeStoreFile,
} from "@verity/checkpoints";
import type { PipelineSpec } from "../pipelines/options.ts";
import type { Processor } from "../pipelines/processor.ts";
import { processorOf, specKey } from "../pipelines/spec.ts";
import type { DecodeReply, DecodeRequest } from "./messages.ts";

const port = parentPort;
if (!port) throw new Error("decoding/worker.ts runs as a worker thread");

/** The processors built so far, by `specKey`. */
const processors = new Map<string, Processor>();
const processorFor = (spec: PipelineSpec) => {
  const key = specKey(spec);
  const built = processors.get(key) ?? processorOf(spec);
  processors.set(key, built);
  return built;
};

/** The reply for `checkpoint`: processed by `pipelines`, when given. */
function replyFor(
  id: number,
  checkpoint: Checkpoint,
  pipelines: readonly PipelineSpec[] | undefined,
): DecodeReply {
  if (!pipelines) return { id, checkpoint: detached(checkpoint, checkpoint.transactions) };
  const outputs = pipelines.map((spec) => processorFor(spec).process(checkpoint));
  const events = checkpoint.transactions.reduce((n, t) => n + t.events.length, 0);
  return { id, checkpoint: detached(checkpoint, []), processed: { outputs, events } };
}

/**
 * `checkpoint` with `transactions`, and no view into the file's decompressed bytes: the proof
 * parts are views into them (but the certified summary, which the decoder builds as a buffer of
 * its own), and a message holding a view clones the whole buffer it views (~110 KiB a mainnet
 * checkpoint), so they are copied out.
 */
function detached(checkpoint: Checkpoint, transactions: CheckpointTransaction[]): Checkpoint {
  const parts = checkpoint.proofParts;
  return {
    ...checkpoint,
    transactions: transactions.map((t) => ({
      ...t,
      proofParts: t.proofParts && {
        effects: t.proofParts.effects.slice(),
        events: t.proofParts.events?.slice() ?? null,
      },
    })),
    proofParts: parts && {
      certifiedSummary: parts.certifiedSummary,
      contents: parts.contents.slice(),
    },
  };
}

port.on("message", (request: DecodeRequest) => {
  const { id, format, bytes, sequenceNumber, source, options, pipelines } = request;
  let reply: DecodeReply;
  try {
    const file = bytes instanceof Uint8Array ? bytes : readFileSync(bytes.path);
    const checkpoint = decodeStoreFile(format, file, sequenceNumber, source, options);
    reply = replyFor(id, checkpoint, pipelines);
  } catch (error) {
    reply = {
      id,
      error:
        error instanceof CheckpointDecodeError
          ? { decode: true, reason: error.reason, offset: error.offset, source: error.source }
          : { decode: false, reason: error instanceof Error ? error.message : String(error) },
    };
  }
  port.postMessage(reply);
});

/**
 * A decoding thread of `DecodePool`: decodes the store files it is sent (or reads them, given
 * their paths) with `decodeStoreFile`, in the order they come, and sends back each checkpoint (or why its file did not decode).
 */
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { CheckpointDecodeError, decodeStoreFile } from "@verity/checkpoints";
import type { DecodeReply, DecodeRequest } from "./messages.ts";

const port = parentPort;
if (!port) throw new Error("decoding/worker.ts runs as a worker thread");
port.on("message", ({ id, format, bytes, sequenceNumber, source, options }: DecodeRequest) => {
  let reply: DecodeReply;
  try {
    const file = bytes instanceof Uint8Array ? bytes : readFileSync(bytes.path);
    reply = { id, checkpoint: decodeStoreFile(format, file, sequenceNumber, source, options) };
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

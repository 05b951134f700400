import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import {
  type Checkpoint,
  CheckpointDecodeError,
  type DecodeOptions,
  type StoreFormat,
} from "@verity/checkpoints";
import type { PipelineSpec } from "../pipelines/options.ts";
import { specKey } from "../pipelines/spec.ts";
import { startModuleWorker } from "../start-worker.ts";
import type { DecodeReply, DecodeRequest } from "./messages.ts";
import { recordProcessed } from "./processed.ts";

/**
 * Young generation of a decoding thread's heap, MiB: its checkpoints and rows live for one
 * file, and with V8's default (16 MiB semi-spaces) many survive into the old generation
 * (README, Throughput).
 */
const YOUNG_GENERATION_MB = 96;

/** A decoding thread and the requests it has not answered yet. */
interface Thread {
  worker: Worker;
  pending: Map<
    number,
    {
      resolve(checkpoint: Checkpoint): void;
      reject(error: Error): void;
      pipelines: readonly PipelineSpec[] | undefined;
    }
  >;
  /** why the thread stopped, once it has (it takes no more files) */
  stopped?: Error;
}

/**
 * Store files decoded on worker threads (`decoding/worker.ts`), so the main thread, which
 * processes checkpoints and drives the commits, is free when the database answers: a store
 * source's `decodeFile` (`decode`) and a directory's `decodePath` (`decodePath`, which reads the
 * file on the thread too). Each file goes to the thread with the fewest pending files;
 * its bytes are moved there (not copied), the checkpoint comes back by structured clone. Threads
 * keep the process alive only while a file is pending on them.
 */
export class DecodePool {
  readonly #threads: Thread[];
  #nextId = 0;

  /**
   * Starts `threads` decoding threads: by default one less than the cores (at least one), the
   * remaining core left to the main thread and the database.
   */
  constructor(threads = Math.max(1, availableParallelism() - 1)) {
    this.#threads = Array.from({ length: threads }, () => {
      const worker = startModuleWorker("decoding/worker", {
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      const thread: Thread = { worker, pending: new Map() };
      thread.worker.unref();
      thread.worker.on("message", (reply: DecodeReply) => settle(thread, reply));
      const stop = (error: Error) => {
        thread.stopped ??= error;
        for (const { reject } of thread.pending.values()) reject(thread.stopped);
        thread.pending.clear();
      };
      thread.worker.on("error", stop);
      thread.worker.on("exit", (code) => stop(new Error(`a decoding thread exited (${code})`)));
      return thread;
    });
  }

  /**
   * `decodeStoreFile` on a decoding thread. `bytes` is moved to it (it is empty afterwards),
   * unless it is a view into a larger buffer, which is copied. With `pipelines`, their
   * processors run on the checkpoint there too: the checkpoint comes back without its
   * transactions, and the indexer takes the outputs (`processedBy`) instead of processing it.
   *
   * @throws (rejects with) CheckpointDecodeError as `decodeStoreFile`; the thread's error when it
   *   failed, or when every thread has stopped (`close`, a crash)
   */
  readonly decode = (
    format: StoreFormat,
    bytes: Uint8Array,
    sequenceNumber: bigint,
    source: string,
    options: DecodeOptions,
    pipelines?: readonly PipelineSpec[],
  ): Promise<Checkpoint> => {
    // A view into a larger buffer (a pooled Buffer) is copied: only its own buffer may move.
    const own =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? bytes
        : bytes.slice();
    return this.#send({ format, bytes: own, sequenceNumber, source, options, pipelines }, [
      own.buffer as ArrayBuffer,
    ]);
  };

  /**
   * Reads the file `path` on a decoding thread and decodes it there (`decodeStoreFile`), so this
   * thread spends nothing on it; runs `pipelines` there too, as `decode` does.
   *
   * @throws (rejects with) CheckpointDecodeError as `decodeStoreFile`; an Error with the read's
   *   message when the file cannot be read
   */
  readonly decodePath = (
    format: StoreFormat,
    path: string,
    sequenceNumber: bigint,
    options: DecodeOptions,
    pipelines?: readonly PipelineSpec[],
  ): Promise<Checkpoint> =>
    this.#send({ format, bytes: { path }, sequenceNumber, source: path, options, pipelines }, []);

  /** Sends `request` to the thread with the fewest pending files; its answer settles. */
  #send(request: Omit<DecodeRequest, "id">, transfer: ArrayBuffer[]): Promise<Checkpoint> {
    const live = this.#threads.filter((thread) => !thread.stopped);
    if (live.length === 0) return Promise.reject(this.#threads[0]!.stopped);
    const thread = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.#nextId++;
    return new Promise<Checkpoint>((resolve, reject) => {
      if (thread.pending.size === 0) thread.worker.ref();
      thread.pending.set(id, { resolve, reject, pipelines: request.pipelines });
      thread.worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** Stops the threads; files pending on them are never answered. */
  async close(): Promise<void> {
    await Promise.all(this.#threads.map((thread) => thread.worker.terminate()));
  }
}

let shared: DecodePool | undefined;

/** The process's one `DecodePool`, started on first use (its threads idle unreferenced). */
export function sharedDecodePool(): DecodePool {
  shared ??= new DecodePool();
  return shared;
}

/** Settles the request `reply` answers. */
function settle(thread: Thread, reply: DecodeReply): void {
  const request = thread.pending.get(reply.id);
  if (!request) return;
  thread.pending.delete(reply.id);
  if (thread.pending.size === 0) thread.worker.unref();
  if ("checkpoint" in reply) {
    const { checkpoint, processed } = reply;
    if (processed && request.pipelines) {
      const keys = request.pipelines.map(specKey);
      recordProcessed(checkpoint, {
        outputs: new Map(keys.map((key, i) => [key, processed.outputs[i]!])),
        events: processed.events,
      });
    }
    request.resolve(checkpoint);
  } else {
    const { decode, reason, offset, source } = reply.error;
    request.reject(decode ? new CheckpointDecodeError(reason, offset, source) : new Error(reason));
  }
}

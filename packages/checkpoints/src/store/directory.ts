import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Checkpoint, CheckpointSource } from "../checkpoint.ts";
import { type DecodeOptions, decodeCheckpointFileAt } from "../chk/decode.ts";
import { orderedPrefetch } from "../ordered-prefetch.ts";

/**
 * Options of `DirectoryCheckpointSource`. `verifyDigests` (see `DecodeOptions`) defaults to
 * false: the digests only detect corruption, not forgery, and cost more than decoding.
 */
export interface DirectoryCheckpointSourceOptions extends DecodeOptions {
  /** Files read and decoded ahead of the consumer, at most. Default 8. */
  concurrency?: number;
}

/** Default of `DirectoryCheckpointSourceOptions.concurrency`. */
export const DEFAULT_DIRECTORY_CONCURRENCY = 8;

const CHECKPOINT_FILE = /^(\d+)\.chk$/;

/**
 * Checkpoints from a local directory of checkpoint-store files, `<sequence number>.chk` (a
 * copy of a checkpoint store, a full node's `--local-ingestion-path`, test fixtures). The
 * directory may be sparse: `stream(from)` yields the checkpoints of the files present when it
 * starts whose numbers are `>= from` (and `<= to`), in increasing order, then ends. Other files
 * are ignored.
 *
 * @throws (from the stream) CheckpointDecodeError naming the file when one is corrupt (does not
 *   decode, or with `verifyDigests` its digests do not tie together) or holds another
 *   checkpoint than its name says; an Error when two files name the same checkpoint
 *   (`7.chk`, `007.chk`); the `readdir`/`readFile` error when the directory or a file cannot
 *   be read
 */
export class DirectoryCheckpointSource implements CheckpointSource {
  readonly description: string;
  readonly #concurrency: number;
  readonly #decode: DecodeOptions;

  constructor(
    readonly directory: string,
    options: DirectoryCheckpointSourceOptions = {},
  ) {
    this.description = `checkpoint directory ${directory}`;
    this.#concurrency = options.concurrency ?? DEFAULT_DIRECTORY_CONCURRENCY;
    this.#decode = { verifyDigests: options.verifyDigests ?? false };
  }

  async *stream(
    from: bigint,
    options: { to?: bigint; signal?: AbortSignal } = {},
  ): AsyncGenerator<Checkpoint> {
    const { to, signal } = options;
    const files = (await readdir(this.directory)).flatMap((name) => {
      const digits = CHECKPOINT_FILE.exec(name)?.[1];
      const seq = digits === undefined ? undefined : BigInt(digits);
      return seq !== undefined && seq >= from && (to === undefined || seq <= to)
        ? [{ seq, path: join(this.directory, name) }]
        : [];
    });
    files.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
    const twin = files.find((file, i) => i > 0 && files[i - 1]!.seq === file.seq);
    if (twin) throw new Error(`${this.directory}: two files hold checkpoint ${twin.seq}`);
    yield* orderedPrefetch(
      files,
      async ({ seq, path }, fetchSignal) =>
        decodeCheckpointFileAt(
          await readFile(path, { signal: fetchSignal }),
          seq,
          path,
          this.#decode,
        ),
      { concurrency: this.#concurrency, signal },
    );
  }
}

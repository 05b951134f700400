import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Checkpoint, CheckpointSource } from "../checkpoint.ts";
import type { DecodeOptions } from "../chk/decode.ts";
import { orderedPrefetch } from "../ordered-prefetch.ts";
import { EPOCHS_FILE, parseEpochs } from "./epochs.ts";
import {
  decodeStoreFile,
  otherFormat,
  type StoreDecodeOptions,
  type StoreFileDecoder,
  type StoreFormat,
  type StorePathDecoder,
} from "./format.ts";

/**
 * Options of `DirectoryCheckpointSource`. `verifyDigests` (see `DecodeOptions`) defaults to
 * false: the digests only detect corruption, not forgery, and cost more than decoding.
 */
export interface DirectoryCheckpointSourceOptions extends StoreDecodeOptions {
  /** Files read and decoded ahead of the consumer, at most. Default 8. */
  concurrency?: number;
  /**
   * The files to read, `<seq>.binpb.zst` or `<seq>.chk`; files of the other format are ignored.
   * Default: probed from the directory's listing at each `stream` (see the class).
   */
  format?: StoreFormat;
  /**
   * Reads and decodes each file, in place of reading it on this thread and calling
   * `decodeFile` (e.g. both on the thread that decodes it). Default none.
   */
  decodePath?: StorePathDecoder;
}

/** Default of `DirectoryCheckpointSourceOptions.concurrency`. */
export const DEFAULT_DIRECTORY_CONCURRENCY = 8;

const CHECKPOINT_FILE = /^(\d+)\.(binpb\.zst|chk)$/;

/** A checkpoint file of the directory. */
interface StoreFile {
  seq: bigint;
  path: string;
}

/**
 * Checkpoints from a local directory of checkpoint-store files, `<sequence number>.binpb.zst`
 * or `<sequence number>.chk` (a copy of a checkpoint store, what `sui-checkpoint-blob-indexer
 * --path` writes, a full node's `--local-ingestion-path`, test fixtures). The directory may be
 * sparse: `stream(from)` yields the checkpoints of the files present when it starts whose
 * numbers are `>= from` (and `<= to`), in increasing order, then ends. Other files are ignored.
 *
 * Without a `format`, each stream reads the `.binpb.zst` files when the directory holds any in
 * the range asked, else the `.chk` files. A directory holding both (a store written by both of Sui's pipelines)
 * is read from its `.binpb.zst` files, and must then hold each checkpoint of the range it holds
 * as `.chk` as `.binpb.zst` too: a checkpoint held only as `.chk` would otherwise be skipped
 * without a word, so the stream fails instead (give `format: "chk"` to read the `.chk` files).
 *
 * @throws (from the stream) CheckpointDecodeError naming the file when one is corrupt (does not
 *   decode, or with `verifyDigests` its digests do not tie together) or holds another
 *   checkpoint than its name says; an Error when two files of the format read name the same
 *   checkpoint (`7.chk`, `007.chk`), or when a checkpoint is held only as `.chk` in a directory
 *   read from its `.binpb.zst` files by default; the `readdir`/`readFile` error when the
 *   directory or a file cannot be read
 */
export class DirectoryCheckpointSource implements CheckpointSource {
  readonly description: string;
  readonly #concurrency: number;
  readonly #decode: DecodeOptions;
  readonly #decodeFile: StoreFileDecoder;
  readonly #decodePath: StorePathDecoder | undefined;
  readonly #format: StoreFormat | undefined;

  constructor(
    readonly directory: string,
    options: DirectoryCheckpointSourceOptions = {},
  ) {
    this.description = `checkpoint directory ${directory}`;
    this.#concurrency = options.concurrency ?? DEFAULT_DIRECTORY_CONCURRENCY;
    this.#decode = {
      verifyDigests: options.verifyDigests ?? false,
      eventPackages: options.eventPackages,
    };
    this.#decodeFile = options.decodeFile ?? decodeStoreFile;
    this.#decodePath = options.decodePath;
    this.#format = options.format;
  }

  async *stream(
    from: bigint,
    options: { to?: bigint; signal?: AbortSignal } = {},
  ): AsyncGenerator<Checkpoint> {
    const { to, signal } = options;
    const held: Record<StoreFormat, StoreFile[]> = { "binpb.zst": [], chk: [] };
    for (const name of await readdir(this.directory)) {
      const match = CHECKPOINT_FILE.exec(name);
      const seq = match && BigInt(match[1]!);
      if (seq !== null && seq >= from && (to === undefined || seq <= to))
        held[match![2] as StoreFormat].push({ seq, path: join(this.directory, name) });
    }
    const format = this.#format ?? (held["binpb.zst"].length > 0 ? "binpb.zst" : "chk");
    const files = held[format].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
    const twin = files.find((file, i) => i > 0 && files[i - 1]!.seq === file.seq);
    if (twin) throw new Error(`${this.directory}: two files hold checkpoint ${twin.seq}`);
    if (this.#format === undefined) {
      const read = new Set(files.map((file) => file.seq));
      const only = held[otherFormat(format)].find((file) => !read.has(file.seq));
      if (only)
        throw new Error(
          `${this.directory}: holds checkpoint ${only.seq} only as ${only.path}, and is read from its .${format} files (give the format chk to read the .chk files)`,
        );
    }
    yield* orderedPrefetch(
      files,
      async ({ seq, path }, fetchSignal) =>
        this.#decodePath
          ? this.#decodePath(format, path, seq, this.#decode)
          : this.#decodeFile(
              format,
              await readFile(path, { signal: fetchSignal }),
              seq,
              path,
              this.#decode,
            ),
      { concurrency: this.#concurrency, signal },
    );
  }

  /**
   * The last checkpoint of each epoch, from the directory's `epochs.json` (see `parseEpochs`);
   * undefined when it has none.
   *
   * @throws CheckpointDecodeError naming the file when it is not such a list; the `readFile`
   *   error when it cannot be read
   */
  async endOfEpochCheckpoints(): Promise<bigint[] | undefined> {
    const path = join(this.directory, EPOCHS_FILE);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    return parseEpochs(text, path);
  }
}

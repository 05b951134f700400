import { setTimeout as sleep } from "node:timers/promises";
import type { Checkpoint, CheckpointSource, SourceRetry } from "../checkpoint.ts";
import type { DecodeOptions } from "../chk/decode.ts";
import { orderedPrefetch } from "../ordered-prefetch.ts";
import { EPOCHS_FILE, parseEpochs } from "./epochs.ts";
import {
  decodeStoreFile,
  otherFormat,
  type StoreDecodeOptions,
  type StoreFileDecoder,
  type StoreFormat,
} from "./format.ts";
import { TipPoll } from "./tip-poll.ts";

/**
 * Options of `HttpCheckpointSource` (defaults also in `HTTP_SOURCE_DEFAULTS`). `verifyDigests`
 * (see `DecodeOptions`) defaults to false: the digests only detect corruption, not forgery,
 * and cost more than decoding.
 */
export interface HttpCheckpointSourceOptions extends StoreDecodeOptions {
  /** Checkpoint files fetched ahead of the consumer, at most (requests in flight). Default 16. */
  concurrency?: number;
  /**
   * Wait before asking again for a checkpoint the store lacks yet (404), ms; only the lowest
   * such checkpoint is asked for. Default 1000.
   */
  pollIntervalMs?: number;
  /** Wait before the first retry of a transient failure, ms, doubling per retry. Default 250. */
  retryInitialMs?: number;
  /** Longest wait between retries, ms (retries never stop). Default 30000. */
  retryMaxMs?: number;
  /** Time allowed for one request, body included, ms; then it is retried. Default 30000. */
  requestTimeoutMs?: number;
  /**
   * Told of every retry (`url` is the file's, `attempt` counts per file, the error is a network
   * error, a timeout, or `HTTP 503 …`). Default none.
   */
  onRetry?: (retry: SourceRetry) => void;
  /**
   * The files to ask for, `<seq>.binpb.zst` or `<seq>.chk`, and only those. Default: whichever
   * the store serves (see the class).
   */
  format?: StoreFormat;
}

/** Defaults of `HttpCheckpointSourceOptions`. */
export const HTTP_SOURCE_DEFAULTS = {
  concurrency: 16,
  pollIntervalMs: 1_000,
  retryInitialMs: 250,
  retryMaxMs: 30_000,
  requestTimeoutMs: 30_000,
  verifyDigests: false,
} as const;

const NOT_YET = Symbol("not yet");

/** A failure worth retrying, of the request for `url`. */
interface Transient {
  url: string;
  error: unknown;
}

/** What one attempt gave: a value, a 404 (`NOT_YET`), or a failure worth retrying. */
type Attempt<T> = { value: T } | typeof NOT_YET | Transient;

/**
 * Checkpoints from an HTTP(S) checkpoint store serving `<baseUrl>/<sequence number>.binpb.zst`
 * or `<baseUrl>/<sequence number>.chk`, such as Sui's public stores
 * `https://checkpoints.mainnet.sui.io` (which keeps the last 30 days only) and
 * `https://checkpoints.testnet.sui.io`. `stream(from)` fetches `from`, `from + 1`, … with up to
 * `concurrency` requests ahead and yields the checkpoints in order, following the tip forever
 * unless `to` is given. A 404 means the checkpoint does not exist yet: the lowest such
 * checkpoint is asked for again every `pollIntervalMs`, and the fetches of later ones wait
 * until it appears (at the tip the store gets one request per interval, not one per
 * prefetched checkpoint), then go on in parallel. Network errors, timeouts, 408, 429 and 5xx
 * are retried with exponential backoff (`retryInitialMs` doubling up to `retryMaxMs`), without
 * limit. Aborting `signal` ends the stream and cancels the requests in flight.
 *
 * The format: with `format`, only its files are asked for. Without, a checkpoint is asked for
 * in the format the store last served one in (`.binpb.zst`, the current format, until it
 * served one), and on a 404 in the other format before it counts as missing; so one request per
 * checkpoint once the first checkpoints told the format, two per poll at the tip, and a store
 * that stops writing `.chk` files (Sui decommissions them) is followed into `.binpb.zst`.
 *
 * A checkpoint missing although the store's `epochs.json` (read once per stream, at the first
 * 404; see `endOfEpochCheckpoints`) lists the end of an epoch after the one that follows it is
 * history the store does not keep (or lost), not the tip: the stream fails instead of polling
 * for it forever. (The epoch of margin leaves room for a writer whose `epochs.json` runs ahead of
 * its checkpoint files.)
 *
 * @throws (from the stream) CheckpointDecodeError naming the URL when a 200 response does not
 *   decode (or with `verifyDigests` its digests do not tie together) or holds another
 *   checkpoint; an Error naming the URL on any other HTTP status, and naming the checkpoint when
 *   it is history the store lacks; errors of `endOfEpochCheckpoints`
 */
export class HttpCheckpointSource implements CheckpointSource {
  readonly description: string;
  /** The store's URL, without a trailing slash. */
  readonly baseUrl: string;
  readonly #options: Omit<
    Required<HttpCheckpointSourceOptions>,
    "onRetry" | "format" | "decodeFile" | "eventPackages"
  > &
    DecodeOptions;
  readonly #decodeFile: StoreFileDecoder;
  readonly #onRetry: ((retry: SourceRetry) => void) | undefined;
  readonly #forced: StoreFormat | undefined;
  /** The format the store last served a checkpoint in: the one asked first. */
  #format: StoreFormat;

  /** @throws TypeError when `baseUrl` is not a URL */
  constructor(baseUrl: string, options: HttpCheckpointSourceOptions = {}) {
    this.baseUrl = new URL(baseUrl).href.replace(/\/+$/, "");
    this.description = `checkpoint store ${this.baseUrl}`;
    const { onRetry, format, decodeFile, ...rest } = options;
    this.#decodeFile = decodeFile ?? decodeStoreFile;
    this.#options = { ...HTTP_SOURCE_DEFAULTS, ...rest };
    this.#onRetry = onRetry;
    this.#forced = format;
    this.#format = format ?? "binpb.zst";
  }

  stream(
    from: bigint,
    options: { to?: bigint; signal?: AbortSignal } = {},
  ): AsyncGenerator<Checkpoint> {
    const tip = new TipPoll(this.#options.concurrency);
    let epochEnds: Promise<bigint[] | undefined> | undefined;
    const history = (signal: AbortSignal) => {
      epochEnds ??= this.endOfEpochCheckpoints(signal);
      return epochEnds;
    };
    return orderedPrefetch(
      sequenceNumbers(from, options.to),
      async (seq, signal) => {
        const { format, url, bytes } = await this.#retrying(signal, {
          attempt: async () => {
            await tip.turn(seq, signal);
            return this.#file(seq, signal);
          },
          notYet: async () => {
            this.#failIfHistory(seq, await history(signal));
            if (tip.notYet(seq)) await sleep(this.#options.pollIntervalMs, undefined, { signal });
          },
        });
        tip.served(seq);
        this.#format = format;
        return this.#decodeFile(format, bytes, seq, url, this.#options);
      },
      { concurrency: this.#options.concurrency, signal: options.signal },
    );
  }

  /**
   * The last checkpoint of each epoch, from the store's `epochs.json` (see `parseEpochs`);
   * undefined when it has none (404). Transient failures are retried as a checkpoint's are.
   *
   * @throws CheckpointDecodeError naming the URL when it is not such a list; an Error naming
   *   the URL on a status retrying cannot fix; the abort reason when `signal` aborts
   */
  async endOfEpochCheckpoints(signal?: AbortSignal): Promise<bigint[] | undefined> {
    const url = `${this.baseUrl}/${EPOCHS_FILE}`;
    const stop = signal ?? new AbortController().signal;
    const bytes = await this.#retrying<Uint8Array | undefined>(stop, {
      attempt: async () => {
        const outcome = await this.#get(url, stop);
        return outcome === NOT_YET ? { value: undefined } : outcome;
      },
      notYet: async () => {},
    });
    return bytes && parseEpochs(new TextDecoder().decode(bytes), url);
  }

  /**
   * The value of `attempt`, run again after `notYet` on a 404 and after a backoff on a transient
   * failure (told to `onRetry`), until it gives one.
   */
  async #retrying<T>(
    signal: AbortSignal,
    steps: { attempt: () => Promise<Attempt<T>>; notYet: () => Promise<void> },
  ): Promise<T> {
    const { retryInitialMs, retryMaxMs } = this.#options;
    for (let failures = 0; ; ) {
      const outcome = await steps.attempt();
      if (outcome === NOT_YET) {
        failures = 0;
        await steps.notYet();
      } else if ("value" in outcome) {
        return outcome.value;
      } else {
        failures += 1;
        const delayMs = Math.min(retryMaxMs, retryInitialMs * 2 ** (failures - 1));
        this.#onRetry?.({ url: outcome.url, attempt: failures, delayMs, error: outcome.error });
        await sleep(delayMs, undefined, { signal });
      }
    }
  }

  /**
   * Checkpoint `seq`'s file: asked for in the format asked first, then (unless forced) in the
   * other on a 404. NOT_YET when neither exists.
   */
  async #file(
    seq: bigint,
    signal: AbortSignal,
  ): Promise<Attempt<{ format: StoreFormat; url: string; bytes: Uint8Array }>> {
    const first = this.#format;
    const formats = this.#forced ? [this.#forced] : [first, otherFormat(first)];
    for (const format of formats) {
      const url = `${this.baseUrl}/${seq}.${format}`;
      const outcome = await this.#get(url, signal);
      if (outcome !== NOT_YET)
        return "value" in outcome ? { value: { format, url, bytes: outcome.value } } : outcome;
    }
    return NOT_YET;
  }

  /**
   * @throws an Error when `epochEnds` ends an epoch after the one following `seq`'s: `seq` is
   *   history the store lacks, not the tip
   */
  #failIfHistory(seq: bigint, epochEnds: bigint[] | undefined): void {
    const settled = epochEnds?.at(-2);
    if (settled === undefined || seq > settled) return;
    const files = (this.#forced ? [this.#forced] : [this.#format, otherFormat(this.#format)])
      .map((format) => `${seq}.${format}`)
      .join(" nor ");
    throw new Error(
      `${this.baseUrl}: has no ${files}, though its ${EPOCHS_FILE} lists epoch ends past it (${settled}, ${epochEnds!.at(-1)}): the store does not keep checkpoint ${seq} (Sui's mainnet store keeps the last 30 days); start at a later checkpoint, or read a store that holds it`,
    );
  }

  /**
   * One GET: the body of a 2xx, NOT_YET for a 404, a Transient for a failure worth retrying.
   *
   * @throws an Error naming the URL on any other status; the abort reason when `signal` aborts
   */
  async #get(url: string, signal: AbortSignal): Promise<Attempt<Uint8Array>> {
    const timeout = AbortSignal.timeout(this.#options.requestTimeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.any([signal, timeout]) });
      if (response.ok) return { value: new Uint8Array(await response.arrayBuffer()) };
      await response.body?.cancel();
    } catch (error) {
      if (signal.aborted) throw error;
      return { url, error }; // connection refused or reset, DNS, timeout, body cut short
    }
    if (response.status === 404) return NOT_YET;
    const error = new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trimEnd());
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      return { url, error };
    }
    throw error;
  }
}

function* sequenceNumbers(from: bigint, to: bigint | undefined): Generator<bigint> {
  for (let seq = from; to === undefined || seq <= to; seq++) yield seq;
}

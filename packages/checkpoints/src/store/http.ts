import { setTimeout as sleep } from "node:timers/promises";
import type { Checkpoint, CheckpointSource, SourceRetry } from "../checkpoint.ts";
import { type DecodeOptions, decodeCheckpointFileAt } from "../chk/decode.ts";
import { orderedPrefetch } from "../ordered-prefetch.ts";
import { TipPoll } from "./tip-poll.ts";

/**
 * Options of `HttpCheckpointSource` (defaults also in `HTTP_SOURCE_DEFAULTS`). `verifyDigests`
 * (see `DecodeOptions`) defaults to false: the digests only detect corruption, not forgery,
 * and cost more than decoding.
 */
export interface HttpCheckpointSourceOptions extends DecodeOptions {
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
   * Told of every retry (`url` is the checkpoint file's, `attempt` counts per checkpoint, the
   * error is a network error, a timeout, or `HTTP 503 …`). Default none.
   */
  onRetry?: (retry: SourceRetry) => void;
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

/** A failure worth retrying. */
interface Transient {
  error: unknown;
}

/**
 * Checkpoints from an HTTP(S) checkpoint store serving `<baseUrl>/<sequence number>.chk`, such
 * as Sui's public stores `https://checkpoints.mainnet.sui.io` and
 * `https://checkpoints.testnet.sui.io`. `stream(from)` fetches `from`, `from + 1`, … with up to
 * `concurrency` requests ahead and yields the checkpoints in order, following the tip forever
 * unless `to` is given. A 404 means the checkpoint does not exist yet: the lowest such
 * checkpoint is asked for again every `pollIntervalMs`, and the fetches of later ones wait
 * until it appears (at the tip the store gets one request per interval, not one per
 * prefetched checkpoint), then go on in parallel. Network errors, timeouts, 408, 429 and 5xx
 * are retried with exponential backoff (`retryInitialMs` doubling up to `retryMaxMs`), without
 * limit. Aborting `signal` ends the stream and cancels the requests in flight.
 *
 * @throws (from the stream) CheckpointDecodeError naming the URL when a 200 response does not
 *   decode (or with `verifyDigests` its digests do not tie together) or holds another
 *   checkpoint; an Error naming the URL on any other HTTP status
 */
export class HttpCheckpointSource implements CheckpointSource {
  readonly description: string;
  /** The store's URL, without a trailing slash. */
  readonly baseUrl: string;
  readonly #options: Omit<Required<HttpCheckpointSourceOptions>, "onRetry">;
  readonly #onRetry: ((retry: SourceRetry) => void) | undefined;

  /** @throws TypeError when `baseUrl` is not a URL */
  constructor(baseUrl: string, options: HttpCheckpointSourceOptions = {}) {
    this.baseUrl = new URL(baseUrl).href.replace(/\/+$/, "");
    this.description = `checkpoint store ${this.baseUrl}`;
    const { onRetry, ...rest } = options;
    this.#options = { ...HTTP_SOURCE_DEFAULTS, ...rest };
    this.#onRetry = onRetry;
  }

  stream(
    from: bigint,
    options: { to?: bigint; signal?: AbortSignal } = {},
  ): AsyncGenerator<Checkpoint> {
    const tip = new TipPoll(this.#options.concurrency);
    return orderedPrefetch(
      sequenceNumbers(from, options.to),
      (seq, signal) => this.#checkpoint(seq, tip, signal),
      { concurrency: this.#options.concurrency, signal: options.signal },
    );
  }

  /**
   * Checkpoint `seq`, waiting for it to exist (polled only while it is `tip`'s lowest missing
   * checkpoint) and retrying transient failures.
   */
  async #checkpoint(seq: bigint, tip: TipPoll, signal: AbortSignal): Promise<Checkpoint> {
    const url = `${this.baseUrl}/${seq}.chk`;
    const { pollIntervalMs, retryInitialMs, retryMaxMs } = this.#options;
    for (let failures = 0; ; ) {
      await tip.turn(seq, signal);
      const outcome = await this.#get(url, signal);
      if (outcome instanceof Uint8Array) {
        tip.served(seq);
        return decodeCheckpointFileAt(outcome, seq, url, this.#options);
      }
      if (outcome === NOT_YET) {
        failures = 0;
        if (tip.notYet(seq)) await sleep(pollIntervalMs, undefined, { signal });
        continue;
      }
      failures += 1;
      const delayMs = Math.min(retryMaxMs, retryInitialMs * 2 ** (failures - 1));
      this.#onRetry?.({ url, attempt: failures, delayMs, error: outcome.error });
      await sleep(delayMs, undefined, { signal });
    }
  }

  /**
   * One GET: the body of a 2xx, NOT_YET for a 404, a Transient for a failure worth retrying.
   *
   * @throws an Error naming the URL on any other status; the abort reason when `signal` aborts
   */
  async #get(url: string, signal: AbortSignal): Promise<Uint8Array | typeof NOT_YET | Transient> {
    const timeout = AbortSignal.timeout(this.#options.requestTimeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.any([signal, timeout]) });
      if (response.ok) return new Uint8Array(await response.arrayBuffer());
      await response.body?.cancel();
    } catch (error) {
      if (signal.aborted) throw error;
      return { error }; // connection refused or reset, DNS, timeout, body cut short
    }
    if (response.status === 404) return NOT_YET;
    const error = new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trimEnd());
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      return { error };
    }
    throw error;
  }
}

function* sequenceNumbers(from: bigint, to: bigint | undefined): Generator<bigint> {
  for (let seq = from; to === undefined || seq <= to; seq++) yield seq;
}

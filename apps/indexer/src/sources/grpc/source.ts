/**
 * Checkpoints from a Sui full node over gRPC(-web): backfill from the ledger, then follow the tip
 * with a subscription, filling any gap from the ledger; transient faults are retried with backoff.
 */
import type { SuiGrpcClient } from "@mysten/sui/grpc";
import type { Checkpoint, CheckpointSource, SourceRetry } from "@verity/checkpoints";
import {
  CHECKPOINT_READ_MASK,
  fromProto,
  MalformedCheckpointError,
  orderedPrefetch,
  verifyCheckpointParts,
} from "@verity/checkpoints";
import { connectFullNode } from "@verity/sdk";
import { abortScope, timeoutError } from "./abort-scope.ts";
import { Backoff, type BackoffOptions, DEFAULT_BACKOFF, isTransient, sleep } from "./retry.ts";

/** How to reach the full node and how patiently. */
export interface GrpcCheckpointSourceOptions {
  /** Base URL of the full node's gRPC-web endpoint, e.g. `https://fullnode.mainnet.sui.io:443`. */
  url: string;
  /** `GetCheckpoint` calls in flight at once while reading from the ledger (default 16). */
  concurrency?: number;
  /** Longest wait for one `GetServiceInfo` / `GetCheckpoint` answer, ms (default 30 000). */
  requestTimeoutMs?: number;
  /**
   * Longest wait for the next frame of the subscription, ms, before it counts as dead and is
   * reopened (default 30 000; a live network sends several checkpoints a second).
   */
  idleTimeoutMs?: number;
  /** Waits between retries; see {@link DEFAULT_BACKOFF} (250 ms doubling up to 10 s, jittered). */
  backoff?: Partial<BackoffOptions>;
  /**
   * Told of every retry after a transient failure (`url` is the node's; an unreachable node
   * fails with `NodeUnreachableError`, `cannot reach the Sui full node at <url> (ECONNREFUSED)`).
   * Default none.
   */
  onRetry?: (retry: SourceRetry) => void;
  /**
   * Check that each checkpoint's transactions and events are those its proof parts commit to
   * (`verifyCheckpointParts`: the node sends them in separate fields), so that with its
   * certificate verified, no event can be dropped or changed by the node. Costs a Blake2b-256
   * and a decode of each transaction's effects and events. Default false.
   */
  verifyDigests?: boolean;
}

/**
 * A {@link CheckpointSource} reading a full node through `SuiGrpcClient` (gRPC-web, binary
 * format). `stream(from)`:
 *
 * 1. asks `LedgerService.GetServiceInfo` for the tip, and reads `from..tip` with
 *    `LedgerService.GetCheckpoint`, `concurrency` at a time, delivered in order; repeats while
 *    the tip moved on;
 * 2. once caught up, opens `SubscriptionService.SubscribeCheckpoints` (which starts at the node's
 *    tip): streamed checkpoints already yielded are skipped, and when one arrives ahead of the
 *    next expected, the checkpoints in between are read from the ledger first.
 *
 * Every request carries {@link CHECKPOINT_READ_MASK}. Sequence numbers come out strictly
 * increasing, without gaps. A transient failure (see `isTransient`: `UNAVAILABLE`, a dropped or
 * reset connection, a truncated body, a timeout, a subscription the node ended) restarts from
 * step 1 at the next expected checkpoint after a jittered exponential backoff, which resets once
 * a checkpoint gets through. The stream ends after `to` when given, or quietly when `signal`
 * aborts.
 *
 * @throws Error when `from` (or the next expected checkpoint) is older than the node's lowest
 *   available checkpoint (pruned: read it from a checkpoint store instead)
 * @throws MalformedCheckpointError when the node sends a checkpoint without a field we asked
 *   for, or another checkpoint than the one requested
 * @throws RpcError for a status retrying cannot fix (`PERMISSION_DENIED`, `UNIMPLEMENTED`, ...)
 */
export class GrpcCheckpointSource implements CheckpointSource {
  /** `full node <url>`. */
  readonly description: string;
  readonly #client: SuiGrpcClient;
  readonly #concurrency: number;
  readonly #requestTimeoutMs: number;
  readonly #idleTimeoutMs: number;
  readonly #backoff: BackoffOptions;
  readonly #url: string;
  readonly #onRetry: ((retry: SourceRetry) => void) | undefined;
  readonly #verifyDigests: boolean;

  constructor(options: GrpcCheckpointSourceOptions) {
    this.description = `full node ${options.url}`;
    this.#url = options.url;
    // No request timeout in the transport: ours (`requestTimeoutMs`, `idleTimeoutMs`) bound each
    // call, and a subscription stays open as long as it delivers.
    this.#client = connectFullNode(
      { name: options.url, url: options.url },
      { requestTimeoutMs: null, format: "binary" },
    );
    this.#onRetry = options.onRetry;
    this.#concurrency = options.concurrency ?? 16;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#verifyDigests = options.verifyDigests ?? false;
  }

  /** The checkpoint a proto converts to, checked against its proof parts when asked to. */
  #convert(proto: Parameters<typeof fromProto>[0]): Checkpoint {
    const checkpoint = fromProto(proto);
    if (this.#verifyDigests) verifyCheckpointParts(checkpoint);
    return checkpoint;
  }

  /** See the class comment; `to` is inclusive. */
  async *stream(
    from: bigint,
    options: { to?: bigint; signal?: AbortSignal } = {},
  ): AsyncGenerator<Checkpoint> {
    const { to, signal } = options;
    const backoff = new Backoff(this.#backoff);
    let next = from;
    while (!signal?.aborted && (to === undefined || next <= to)) {
      try {
        for await (const checkpoint of this.#session(next, to, signal)) {
          yield checkpoint;
          next = checkpoint.sequenceNumber + 1n;
          backoff.reset();
          if (to !== undefined && next > to) return;
        }
      } catch (error) {
        if (signal?.aborted) return;
        if (!isTransient(error)) throw error;
        await this.#retryAfter(error, backoff, signal);
        continue;
      }
      await sleep(backoff.next(), signal); // the node ended the subscription: open it again
    }
  }

  /**
   * The node's tip (`LedgerService.GetServiceInfo`'s `checkpoint_height`), retrying transient
   * failures with backoff until `signal` aborts.
   *
   * @throws the abort reason when `signal` aborts; an Error when the node reports no height;
   *   an `RpcError` retrying cannot fix
   */
  async latestCheckpoint(signal?: AbortSignal): Promise<bigint> {
    const backoff = new Backoff(this.#backoff);
    for (;;) {
      signal?.throwIfAborted();
      try {
        return await this.#tip(undefined, signal);
      } catch (error) {
        signal?.throwIfAborted();
        if (!isTransient(error)) throw error;
        await this.#retryAfter(error, backoff, signal);
      }
    }
  }

  /** Reports a transient `error` to `onRetry`, then waits the backoff's next delay. */
  async #retryAfter(error: unknown, backoff: Backoff, signal: AbortSignal | undefined) {
    const delayMs = backoff.next();
    this.#onRetry?.({ url: this.#url, attempt: backoff.failures, delayMs, error });
    await sleep(delayMs, signal);
  }

  /**
   * One connection's worth of work from `from` on: the ledger up to the tip (or `to`) while the
   * tip moves on, then the subscription. The caller stops it after `to`.
   */
  async *#session(
    from: bigint,
    to: bigint | undefined,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<Checkpoint> {
    let next = from;
    for (;;) {
      const tip = await this.#tip(next, signal);
      const last = to !== undefined && to < tip ? to : tip;
      if (next > last) break;
      yield* this.#ledger(next, last, signal);
      next = last + 1n;
    }
    yield* this.#subscription(next, signal);
  }

  /** The node's latest checkpoint, after checking that `next` (if given) has not been pruned. */
  async #tip(next: bigint | undefined, signal: AbortSignal | undefined): Promise<bigint> {
    const info = await this.#unary(signal, (abort) =>
      this.#client.ledgerService.getServiceInfo({}, { abort }),
    );
    const lowest = info.lowestAvailableCheckpoint;
    if (next !== undefined && lowest !== undefined && next < lowest) {
      throw new Error(
        `checkpoint ${next} is no longer available on ${this.description}: it keeps checkpoints ` +
          `from ${info.lowestAvailableCheckpoint} on; read older ones from a checkpoint store`,
      );
    }
    if (info.checkpointHeight === undefined) {
      throw new Error(`${this.description} did not report its checkpoint height`);
    }
    return info.checkpointHeight;
  }

  /** Checkpoints `first..last` from the ledger, fetched ahead and yielded in order. */
  async *#ledger(
    first: bigint,
    last: bigint,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<Checkpoint> {
    const scope = abortScope(signal);
    try {
      // The scope's signal (not `orderedPrefetch`'s own option) carries the caller's abort, so
      // that an abort or timeout fails the fetches and reaches the retry logic as an error.
      yield* orderedPrefetch(
        sequenceNumbers(first, last),
        (n, stop) => this.#checkpoint(n, AbortSignal.any([stop, scope.signal])),
        { concurrency: this.#concurrency },
      );
    } finally {
      scope.close();
    }
  }

  async #checkpoint(sequenceNumber: bigint, signal: AbortSignal): Promise<Checkpoint> {
    const { checkpoint } = await this.#unary(signal, (abort) =>
      this.#client.ledgerService.getCheckpoint(
        {
          checkpointId: { oneofKind: "sequenceNumber", sequenceNumber },
          readMask: { paths: [...CHECKPOINT_READ_MASK] },
        },
        { abort },
      ),
    );
    const converted = checkpoint && this.#convert(checkpoint);
    if (converted?.sequenceNumber !== sequenceNumber) {
      throw new MalformedCheckpointError(
        `${this.description} answered checkpoint ${converted?.sequenceNumber ?? "(none)"} ` +
          `when asked for ${sequenceNumber}`,
      );
    }
    return converted;
  }

  /** Follows the tip from `from` on, until the subscription ends or fails. */
  async *#subscription(from: bigint, signal: AbortSignal | undefined): AsyncGenerator<Checkpoint> {
    const scope = abortScope(signal);
    const call = this.#client.subscriptionService.subscribeCheckpoints(
      { readMask: { paths: [...CHECKPOINT_READ_MASK] } },
      { abort: scope.signal },
    );
    const frames = call.responses[Symbol.asyncIterator]();
    let next = from;
    try {
      for (;;) {
        const idle = setTimeout(
          () => scope.abort(timeoutError(this.#idleTimeoutMs)),
          this.#idleTimeoutMs,
        );
        const frame = await frames.next().finally(() => clearTimeout(idle));
        if (frame.done) return;
        if (!frame.value.checkpoint) continue;
        const checkpoint = this.#convert(frame.value.checkpoint);
        if (checkpoint.sequenceNumber < next) continue;
        if (checkpoint.sequenceNumber > next) {
          yield* this.#ledger(next, checkpoint.sequenceNumber - 1n, signal);
        }
        yield checkpoint;
        next = checkpoint.sequenceNumber + 1n;
      }
    } finally {
      scope.close();
    }
  }

  /** One unary call, bounded by `requestTimeoutMs` and cancelled with `signal`. */
  async #unary<O extends object>(
    signal: AbortSignal | undefined,
    send: (abort: AbortSignal) => PromiseLike<{ response: O }>,
  ): Promise<O> {
    const scope = abortScope(signal, this.#requestTimeoutMs);
    try {
      return (await send(scope.signal)).response;
    } finally {
      scope.close();
    }
  }
}

/** `first, first + 1, ..., last`. */
function* sequenceNumbers(first: bigint, last: bigint): Generator<bigint> {
  for (let n = first; n <= last; n++) yield n;
}

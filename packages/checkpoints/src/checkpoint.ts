/**
 * The checkpoint as every source hands it to the pipelines: the part of a Sui checkpoint the
 * indexer uses, in one shape whether it came from a full node over gRPC or from a checkpoint
 * store (`.chk` files). Sources produce it; pipelines consume it; nothing else crosses.
 */

/** One event of a transaction, as emitted by Move (`0x2::event::emit`). */
export interface CheckpointEvent {
  /** Package whose module defines the event type: 0x + 64 lowercase hex digits. */
  packageId: string;
  /** Module that defines the event type, e.g. `events`. */
  module: string;
  /** Struct name of the event type, without type arguments, e.g. `BlobCertified`. */
  struct: string;
  /** Full type tag as Sui prints it, e.g. `0xd847…::events::BlobCertified`. */
  type: string;
  /** Address that sent the transaction that emitted it (0x + 64 hex). */
  sender: string;
  /** BCS bytes of the event struct. */
  contents: Uint8Array;
}

/** One executed transaction and the events it emitted, in emission order. */
export interface CheckpointTransaction {
  /** Transaction digest, base58. */
  digest: string;
  /**
   * Events in emission order; an event's index in this array is its `event_index` (Sui's
   * `EventID.event_seq`), part of every event id.
   */
  events: CheckpointEvent[];
  /**
   * The transaction's BCS a proof bundle needs: `effects` (`TransactionEffects`, listed in the
   * checkpoint's contents) and `events` (`TransactionEvents`, named by the effects; null when it
   * emitted none). Every product source gives them; views into the source's bytes, so copy what
   * is kept.
   */
  proofParts?: { effects: Uint8Array; events: Uint8Array | null };
}

/** A checkpoint's BCS a proof bundle needs above its transactions. */
export interface CheckpointProofParts {
  /**
   * BCS `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>`: the summary and its validators'
   * certificate, as Sui's light client stores them.
   */
  certifiedSummary: Uint8Array;
  /** BCS `CheckpointContents`, whose digest the summary names. */
  contents: Uint8Array;
}

/** A certified checkpoint: the unit of progress (watermarks are checkpoint sequence numbers). */
export interface Checkpoint {
  /** Checkpoint sequence number. */
  sequenceNumber: bigint;
  /** Checkpoint digest, base58. */
  digest: string;
  /** Sui epoch the checkpoint belongs to. */
  epoch: bigint;
  /** Consensus timestamp of the checkpoint, ms since the Unix epoch. */
  timestampMs: bigint;
  /** Transactions in execution order. */
  transactions: CheckpointTransaction[];
  /**
   * The certified summary and the contents, as BCS (see `CheckpointProofParts`): every product
   * source gives them; views into the source's bytes, so copy what is kept.
   */
  proofParts?: CheckpointProofParts;
}

/**
 * A failure a source is about to retry, as its `onRetry` option sees it (to log it: a source
 * that stays down otherwise looks idle).
 */
export interface SourceRetry {
  /** What failed: the checkpoint file's URL, or the full node's URL. */
  url: string;
  /** 1 for the first retry after progress, then 2, 3, … */
  attempt: number;
  /** Wait before the retry, ms. */
  delayMs: number;
  /** The network error, timeout, or status error that failed. */
  error: unknown;
}

/**
 * Where checkpoints come from. `stream(from)` yields checkpoints with sequence numbers `>= from`
 * in strictly increasing order: every one of them from a full node or an HTTP(S) checkpoint
 * store, the files it holds from a local directory (which may be sparse, like test fixtures).
 * It ends after `to` (inclusive) when given, when a directory is exhausted, or never (a full
 * node or an HTTP store following the tip). Aborting `signal` ends it. Transient faults are
 * retried inside the source; errors retrying cannot fix (a corrupt file) are thrown.
 */
export interface CheckpointSource {
  /** Human-readable description for logs, e.g. `checkpoint store ./chk` or `full node https://…`. */
  readonly description: string;
  stream(from: bigint, options?: { to?: bigint; signal?: AbortSignal }): AsyncIterable<Checkpoint>;
  /**
   * The newest checkpoint the source can serve now (a full node's tip), retrying transient
   * failures until `signal` aborts; absent for sources without a tip to ask for (a store).
   *
   * @throws the abort reason when `signal` aborts; errors retrying cannot fix
   */
  latestCheckpoint?(signal?: AbortSignal): Promise<bigint>;
}

/**
 * Verifying every checkpoint's certificate on the machine's other core, pipelined with the
 * indexer's decoding and processing: the indexer submits each checkpoint as the source yields it
 * and waits, before committing a batch, until its checkpoints are verified.
 */
import type { Worker } from "node:worker_threads";
import { type Checkpoint, type Committee, committeeToBcs } from "@verity/checkpoints";
import type { CheckpointVerifier } from "../checkpoint-verifier.ts";
import { startModuleWorker } from "../start-worker.ts";
import type { ToVerifier, VerifyCheck, VerifyResult } from "./messages.ts";

/**
 * Where the committee chain is kept (the `committees` table: `databaseCommittees`), so that a
 * restart verifies on from where the chain got to.
 */
export interface CommitteeStore {
  /** The stored committee of `epoch` (BCS `CommitteeBcs`), or undefined. */
  read(epoch: bigint): Promise<Uint8Array | undefined>;
  /**
   * Stores the committee of `epoch` unless one is stored already: named by the end-of-epoch data
   * of checkpoint `establishedBy` (verified), or null for a trust anchor the operator pinned.
   */
  record(epoch: bigint, committee: Uint8Array, establishedBy: bigint | null): Promise<void>;
}

/** A checkpoint that failed verification: which one, and which check refused it. */
export class CheckpointVerificationError extends Error {
  override name = "CheckpointVerificationError";
  constructor(
    readonly sequenceNumber: bigint,
    /** a `VerifyCheck`, `proof parts` (it came without them), or `verifier` (the thread died) */
    readonly check: VerifyCheck | "proof parts" | "verifier",
    reason: string,
  ) {
    super(`checkpoint ${sequenceNumber} not verified (${check}): ${reason}`);
  }
}

/** A `verified` call waiting for the verifying thread. */
interface Waiter {
  through: bigint;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Verifies that each checkpoint is certified by a quorum of its epoch's committee, in a worker
 * thread (`worker.ts`), from a trust anchor and the committee chain kept in a `CommitteeStore`:
 * the certified summary in its proof parts must decode, be that checkpoint's (sequence number,
 * epoch, digest), and carry a valid certificate (`verifyCheckpointCertificate`); the last
 * checkpoint of an epoch, once verified, gives the next epoch's committee, which is stored
 * before `verified` lets the indexer commit past it. A checkpoint without proof parts fails.
 * Committees come from the anchor, from the chain, or from the store (asked once per epoch,
 * when the first checkpoint of the epoch is submitted). Call `close` when done.
 */
export class CertificateVerifier implements CheckpointVerifier {
  readonly #worker: Worker;
  readonly #store: CommitteeStore;
  /** Epochs whose stored committee was asked for (or given as the anchor). */
  readonly #offered = new Set<bigint>();
  /** Submitted to the thread, not yet settled, in order. */
  readonly #inFlight: bigint[] = [];
  /** Results are settled one after the other (a committee is stored before the next). */
  #settling: Promise<void> = Promise.resolve();
  /** The failure of the lowest checkpoint that failed, if any. */
  #failure: CheckpointVerificationError | undefined;
  /** Set when the thread died: every later checkpoint fails with it. */
  #broken: string | undefined;
  #waiters: Waiter[] = [];
  #closing = false;

  private constructor(worker: Worker, store: CommitteeStore) {
    this.#worker = worker;
    this.#store = store;
    worker.on("message", (result: VerifyResult) => {
      this.#settling = this.#settling.then(() => this.#settle(result));
    });
    worker.on("error", (error) => this.#break(`the verifying thread failed: ${error.message}`));
    worker.on("exit", (code) => {
      if (!this.#closing) this.#break(`the verifying thread exited (code ${code})`);
    });
  }

  /**
   * Starts the verifying thread, trusting `anchor` when given (stored in `store` as a pinned
   * anchor) and the committees `store` holds.
   *
   * @throws Error when `store` holds another committee of the anchor's epoch
   */
  static async start({
    store,
    anchor,
  }: {
    store: CommitteeStore;
    anchor?: Committee;
  }): Promise<CertificateVerifier> {
    let pinned: Uint8Array | undefined;
    if (anchor) {
      pinned = committeeToBcs(anchor);
      const stored = await store.read(anchor.epoch);
      if (stored && Buffer.compare(stored, pinned) !== 0)
        throw new Error(
          `--committee names a committee of epoch ${anchor.epoch} other than the one the database holds for that epoch`,
        );
      if (!stored) await store.record(anchor.epoch, pinned, null);
    }
    const verifier = new CertificateVerifier(startModuleWorker("certificates/worker"), store);
    if (anchor && pinned) {
      verifier.#offered.add(anchor.epoch);
      verifier.#post({ kind: "committee", committee: pinned });
    }
    return verifier;
  }

  async submit(checkpoint: Checkpoint): Promise<void> {
    const { sequenceNumber, epoch, digest, proofParts } = checkpoint;
    if (this.#broken !== undefined) return this.#fail(sequenceNumber, "verifier", this.#broken);
    if (!proofParts)
      return this.#fail(
        sequenceNumber,
        "proof parts",
        "it came without its certified summary (its source gave no proof parts)",
      );
    if (!this.#offered.has(epoch)) {
      this.#offered.add(epoch);
      const stored = await this.#store.read(epoch);
      if (stored) this.#post({ kind: "committee", committee: stored });
    }
    this.#inFlight.push(sequenceNumber);
    this.#post({
      kind: "verify",
      sequenceNumber,
      epoch,
      digest,
      certifiedSummary: proofParts.certifiedSummary,
    });
  }

  verified(sequenceNumber: bigint): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiters.push({ through: sequenceNumber, resolve, reject });
      this.#wake();
    });
  }

  /** Stops the verifying thread. */
  async close(): Promise<void> {
    this.#closing = true;
    await this.#worker.terminate();
  }

  /**
   * Posts `message` with its bytes copied into a buffer of their own, handed over to the thread
   * (posting a view would copy its whole buffer: a checkpoint file, a driver's pool).
   */
  #post(message: ToVerifier): void {
    const owned: ToVerifier =
      message.kind === "verify"
        ? { ...message, certifiedSummary: message.certifiedSummary.slice() }
        : { ...message, committee: message.committee.slice() };
    const bytes = owned.kind === "verify" ? owned.certifiedSummary : owned.committee;
    this.#worker.postMessage(owned, [bytes.buffer as ArrayBuffer]);
  }

  /** Takes a result of the thread (they come in submission order). */
  async #settle(result: VerifyResult): Promise<void> {
    const { sequenceNumber } = result;
    if (!result.ok) {
      this.#fail(sequenceNumber, result.check, result.reason);
    } else if (result.nextCommittee) {
      const { epoch, committee } = result.nextCommittee;
      try {
        await this.#store.record(epoch, committee, sequenceNumber);
      } catch (error) {
        this.#fail(
          sequenceNumber,
          "committee",
          `storing the committee of epoch ${epoch} it names failed: ${(error as Error).message}`,
        );
      }
    }
    this.#inFlight.shift();
    this.#wake();
  }

  #fail(sequenceNumber: bigint, check: CheckpointVerificationError["check"], reason: string) {
    if (this.#failure === undefined || sequenceNumber < this.#failure.sequenceNumber)
      this.#failure = new CheckpointVerificationError(sequenceNumber, check, reason);
    this.#wake();
  }

  #break(reason: string): void {
    this.#broken = reason;
    const first = this.#inFlight[0];
    if (first !== undefined) this.#fail(first, "verifier", reason);
  }

  /** Settles the waiters whose checkpoints have all passed, or one of which failed. */
  #wake(): void {
    const failure = this.#failure;
    const pending = this.#inFlight[0];
    this.#waiters = this.#waiters.filter((waiter) => {
      if (failure && failure.sequenceNumber <= waiter.through) waiter.reject(failure);
      else if (pending === undefined || pending > waiter.through) waiter.resolve();
      else return true;
      return false;
    });
  }
}

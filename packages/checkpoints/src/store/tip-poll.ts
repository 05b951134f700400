import { once, setMaxListeners } from "node:events";

/**
 * The tip of a checkpoint store as one stream sees it: the lowest checkpoint the store answered
 * 404 for and has not served since ("missing"). Only that checkpoint is polled; fetches of later
 * checkpoints wait in `turn` until it appears, so at the tip the store gets one request per poll
 * interval instead of one per prefetch slot. Away from the tip (no 404 seen) nothing waits.
 */
export class TipPoll {
  #missing: bigint | undefined;
  readonly #appeared = new EventTarget();

  /** @param waiters fetches that may wait in `turn` at once (the prefetch concurrency) */
  constructor(waiters: number) {
    setMaxListeners(Math.max(10, waiters), this.#appeared);
  }

  /**
   * Resolves at once unless a checkpoint lower than `seq` is missing; then once none is.
   *
   * @throws an AbortError when `signal` aborts while waiting
   */
  async turn(seq: bigint, signal: AbortSignal): Promise<void> {
    while (this.#missing !== undefined && seq > this.#missing) {
      await once(this.#appeared, "appeared", { signal });
    }
  }

  /**
   * Records a 404 for `seq`. Returns true when `seq` is now the missing checkpoint, the one to
   * poll again after the poll interval; false when a lower one is (then `turn` waits for it).
   */
  notYet(seq: bigint): boolean {
    if (this.#missing === undefined || seq < this.#missing) this.#missing = seq;
    return seq === this.#missing;
  }

  /**
   * Records that the store served `seq`: the missing checkpoint, when `seq` is it or a later
   * one, has appeared, and the fetches waiting in `turn` go on.
   */
  served(seq: bigint): void {
    if (this.#missing === undefined || seq < this.#missing) return;
    this.#missing = undefined;
    this.#appeared.dispatchEvent(new Event("appeared"));
  }
}

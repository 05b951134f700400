/** The Sui node double's chain: the checkpoints it holds, and how new ones appear (test tooling). */
import { setImmediate } from "node:timers/promises";
import type { Checkpoint } from "@verity/checkpoints";

/**
 * Contiguous checkpoints `lowest..tip`, plus an optional queue of upcoming ones. The chain grows
 * by {@link push}, or by itself in a deterministic way: whenever a subscriber waits for the
 * checkpoint after the tip, the next upcoming checkpoint is released (a chain that moves on
 * exactly when someone is watching the tip).
 */
export class Chain {
  readonly #checkpoints: Checkpoint[] = [];
  readonly #upcoming: Checkpoint[];
  readonly #waiting = new Set<() => void>();

  /**
   * @param checkpoints at least one, with consecutive sequence numbers
   * @param upcoming released one at a time to subscribers waiting at the tip (consecutive, after
   *   `checkpoints`)
   */
  constructor(checkpoints: readonly Checkpoint[], upcoming: readonly Checkpoint[] = []) {
    if (checkpoints.length === 0) throw new Error("a chain holds at least one checkpoint");
    this.#checkpoints.push(checkpoints[0] as Checkpoint);
    this.push(...checkpoints.slice(1));
    this.#upcoming = [...upcoming];
  }

  /** Sequence number of the oldest checkpoint held. */
  get lowest(): bigint {
    return (this.#checkpoints[0] as Checkpoint).sequenceNumber;
  }

  /** Sequence number of the latest checkpoint. */
  get tip(): bigint {
    return this.lowest + BigInt(this.#checkpoints.length - 1);
  }

  /** Checkpoint `sequenceNumber`, if held. */
  get(sequenceNumber: bigint): Checkpoint | undefined {
    return sequenceNumber < this.lowest
      ? undefined
      : this.#checkpoints[Number(sequenceNumber - this.lowest)];
  }

  /**
   * Appends checkpoints and wakes the subscribers.
   *
   * @throws Error when one does not follow the tip
   */
  push(...checkpoints: Checkpoint[]): void {
    for (const checkpoint of checkpoints) {
      if (checkpoint.sequenceNumber !== this.tip + 1n) {
        throw new Error(`checkpoint ${checkpoint.sequenceNumber} does not follow tip ${this.tip}`);
      }
      this.#checkpoints.push(checkpoint);
    }
    for (const wake of this.#waiting) wake();
  }

  /**
   * Checkpoint `sequenceNumber` once the chain has it (releasing an upcoming one if that is the
   * next), or `undefined` when `signal` aborts first.
   */
  async waitFor(sequenceNumber: bigint, signal: AbortSignal): Promise<Checkpoint | undefined> {
    while (!signal.aborted) {
      const held = this.get(sequenceNumber);
      if (held) return held;
      if (sequenceNumber === this.tip + 1n && this.#upcoming.length > 0) {
        // one turn of the event loop per release, so a subscriber that left is noticed first
        await setImmediate();
        const next = this.#upcoming[0] as Checkpoint;
        if (!signal.aborted && next.sequenceNumber === this.tip + 1n) {
          this.#upcoming.shift();
          this.push(next);
        }
      } else await this.#changed(signal);
    }
    return undefined;
  }

  #changed(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.#waiting.delete(wake);
        signal.removeEventListener("abort", wake);
        resolve();
      };
      this.#waiting.add(wake);
      signal.addEventListener("abort", wake, { once: true });
    });
  }
}

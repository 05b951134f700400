/**
 * Faults the Sui node double can inject into calls (test tooling): which ones, and when.
 * Deterministic: explicit `failNext` queues, or a seeded pseudo-random schedule.
 */
import type { GrpcStatusCode } from "@mysten/sui/grpc";
import { prng } from "@verity/testing";

/**
 * One injected fault. Faults with `after` strike just before response message number `after`
 * (0-based; default 0, i.e. before the first message) and have no effect on a response with fewer
 * messages (a unary call has one).
 *
 * - `status`: answer with this gRPC status and no message (e.g. `UNAVAILABLE`);
 * - `delay`: wait `ms` before answering, then answer normally (the client may time out first);
 * - `end`: end the response there with status OK (for a subscription: the node hung up);
 * - `drop`: end the HTTP response there with no trailers (a proxy or connection gave up);
 * - `truncate`: send the first half of message `after`'s frame, then end the HTTP response;
 * - `reset`: destroy the TCP connection there.
 */
export type Fault =
  | { kind: "status"; code: keyof typeof GrpcStatusCode }
  | { kind: "delay"; ms: number }
  | { kind: "end" | "drop" | "truncate" | "reset"; after?: number };

/** Which calls get which fault: consulted once per call, in arrival order. */
export class FaultPlan {
  /** Every fault handed out so far, with the `Service/Method` of the call that got it. */
  readonly injected: { method: string; fault: Fault }[] = [];
  readonly #queued = new Map<string, Fault[]>();
  #chaos: { random: () => number; rate: number; faults: readonly Fault[]; methods: Set<string> } = {
    random: Math.random,
    rate: 0,
    faults: [],
    methods: new Set(),
  };

  /** The next `times` calls of `method` (`Service/Method`) get `fault`, before any chaos. */
  failNext(method: string, fault: Fault, times = 1): void {
    const queue = this.#queued.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.#queued.set(method, queue);
  }

  /**
   * From now on each call of one of `methods` gets, with probability `rate`, one of `faults`
   * picked at random; the draws come from a PRNG seeded with `seed`, so the n-th call always
   * draws the same.
   */
  chaos(options: {
    seed: number;
    rate: number;
    faults: readonly Fault[];
    methods: string[];
  }): void {
    this.#chaos = {
      ...options,
      random: prng(options.seed),
      methods: new Set(options.methods),
    };
  }

  /** The fault for a call of `method` that just arrived, if any (and records it). */
  take(method: string): Fault | undefined {
    const fault = this.#queued.get(method)?.shift() ?? this.#draw(method);
    if (fault) this.injected.push({ method, fault });
    return fault;
  }

  #draw(method: string): Fault | undefined {
    const { random, rate, faults, methods } = this.#chaos;
    if (!methods.has(method) || random() >= rate) return undefined;
    return faults[Math.floor(random() * faults.length)];
  }
}

import type { Keypair } from "@mysten/sui/cryptography";
import type { Transaction, TransactionResult } from "@mysten/sui/transactions";
import { type AttestationPayloadInput, transactions } from "@verity/sdk";
import { type Outcome, SimulatedChain } from "./chain.ts";
import { type DemoAttester, type SignedAttestation, signed } from "./events.ts";
import {
  DEMO_ADMIN_CAP,
  DEMO_ATTESTER_REGISTRY,
  DEMO_PACKAGE_ID,
  participants,
} from "./participants.ts";

/** A minute of the chain clock, ms. */
export const MINUTE = 60_000;
/** An hour of the chain clock, ms. */
export const HOUR = 60 * MINUTE;

/**
 * Where the story is played: the simulated chain of the demo's package, holding what its publish
 * made (the steward's `AdminCap`, the shared `AttesterRegistry`), and the moves every act makes
 * on it. Steps execute one at a time: await each before the next.
 */
export class Stage {
  readonly pkg = DEMO_PACKAGE_ID;
  readonly steward = participants.steward.toSuiAddress();
  readonly lab = participants.lab.toSuiAddress();
  readonly chain: SimulatedChain;

  /** @param startMs the chain clock at the start, ms since the Unix epoch */
  constructor(startMs: number) {
    this.chain = new SimulatedChain(this.pkg, startMs);
    this.chain.seed(DEMO_ADMIN_CAP);
    this.chain.seed(DEMO_ATTESTER_REGISTRY, "shared");
  }

  /**
   * Moves the clock `advanceMs` on, then executes the PTB `build` makes, sent by `sender`;
   * `outcome` says what its Move code created and emitted, given the ids of the objects it
   * creates and the clock. Returns the digest and the created objects' ids.
   */
  step(
    sender: Keypair,
    advanceMs: number,
    build: (tx: Transaction) => void,
    outcome: (ids: (n: number) => string, nowMs: number) => Outcome,
  ): Promise<{ digest: string; created: string[] }> {
    this.chain.advance(advanceMs);
    return this.chain.execute(sender, build, (ids) => outcome(ids, this.chain.nowMs));
  }

  /**
   * `by` signs `payload` for the lab to record in the step `advanceMs` ahead, `beforeMs` before
   * that step (within the hour `attestation::record` accepts).
   */
  sign(
    by: DemoAttester,
    payload: AttestationPayloadInput,
    advanceMs: number,
    beforeMs: number,
  ): Promise<SignedAttestation> {
    return signed(by, this.lab, payload, this.chain.nowMs + advanceMs - beforeMs);
  }

  /** `attestation::record` of `a` in `tx`; the result is the `Attestation`. */
  record(tx: Transaction, a: SignedAttestation): TransactionResult {
    return transactions.attestation.record(
      tx,
      this.pkg,
      a.attester.id,
      a.payload,
      a.signedAtMs,
      a.signature,
    );
  }
}

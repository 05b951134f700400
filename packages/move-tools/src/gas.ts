import type { ObjectRef } from "./publish.ts";

/** A SUI coin that can pay for gas: its object reference and balance. */
export interface GasCoin extends ObjectRef {
  /** balance in MIST (u64, decimal string) */
  balance: string;
}

/** Sui accepts at most this many coins as the gas payment of one transaction. */
export const MAX_GAS_COINS = 256;

/** Thrown when the coins on offer cannot cover a gas budget. Amounts are in MIST. */
export class InsufficientGasError extends Error {
  constructor(
    /** total balance of the coins on offer (of the largest 256, when there are more) */
    readonly available: bigint,
    /** the gas budget */
    readonly required: bigint,
  ) {
    super(`the gas coins hold ${available} MIST, less than the gas budget of ${required} MIST`);
    this.name = "InsufficientGasError";
  }
}

/**
 * Picks the gas payment for a budget: the largest coins first, as few as cover `budget`.
 *
 * @param coins the sender's SUI coins, in any order
 * @param budget gas budget in MIST
 * @returns the chosen coins, largest first (at most {@link MAX_GAS_COINS})
 * @throws InsufficientGasError when no coins are given or the largest 256 together hold less
 *   than `budget`
 */
export function selectGasCoins(coins: readonly GasCoin[], budget: bigint): GasCoin[] {
  const largestFirst = [...coins].sort((a, b) => {
    const diff = BigInt(b.balance) - BigInt(a.balance);
    return diff > 0n ? 1 : diff < 0n ? -1 : 0;
  });
  const chosen: GasCoin[] = [];
  let total = 0n;
  for (const coin of largestFirst.slice(0, MAX_GAS_COINS)) {
    chosen.push(coin);
    total += BigInt(coin.balance);
    if (total >= budget) return chosen;
  }
  throw new InsufficientGasError(total, budget);
}

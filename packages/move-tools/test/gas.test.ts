import { describe, expect, it } from "vitest";
import { type GasCoin, InsufficientGasError, MAX_GAS_COINS, selectGasCoins } from "../src/gas.ts";

const coin = (n: number, balance: bigint | number): GasCoin => ({
  objectId: `0x${n.toString(16).padStart(64, "0")}`,
  version: String(n),
  digest: "11111111111111111111111111111111",
  balance: String(balance),
});

describe("selectGasCoins", () => {
  it("takes the largest coins first, and no more than the budget needs", () => {
    const coins = [coin(1, 10), coin(2, 500), coin(3, 300), coin(4, 200)];
    expect(selectGasCoins(coins, 700n).map((c) => c.version)).toEqual(["2", "3"]);
    expect(selectGasCoins(coins, 500n).map((c) => c.version)).toEqual(["2"]);
    expect(selectGasCoins(coins, 1010n).map((c) => c.version)).toEqual(["2", "3", "4", "1"]);
  });

  it("compares balances beyond 2^53 exactly", () => {
    const coins = [coin(1, 2n ** 60n), coin(2, 2n ** 60n + 1n)];
    expect(selectGasCoins(coins, 1n).map((c) => c.version)).toEqual(["2"]);
  });

  it("reports what is available when the coins fall short", () => {
    const error = (() => {
      try {
        selectGasCoins([coin(1, 100), coin(2, 50)], 151n);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InsufficientGasError);
    expect(error).toMatchObject({ available: 150n, required: 151n });
  });

  it("reports zero for an address without coins", () => {
    expect(() => selectGasCoins([], 1n)).toThrow(
      expect.objectContaining({ available: 0n, required: 1n }),
    );
  });

  it(`counts only the largest ${MAX_GAS_COINS} coins, the most one transaction can pay with`, () => {
    const coins = Array.from({ length: MAX_GAS_COINS + 10 }, (_, i) => coin(i + 1, 1));
    expect(selectGasCoins(coins, BigInt(MAX_GAS_COINS))).toHaveLength(MAX_GAS_COINS);
    expect(() => selectGasCoins(coins, BigInt(MAX_GAS_COINS + 1))).toThrow(
      expect.objectContaining({ available: BigInt(MAX_GAS_COINS) }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { readCommittee, recordCommittee } from "../src/index.ts";
import { drivers, useDatabase } from "./support/databases.ts";

describe.each(drivers)("committees ($name)", (driver) => {
  const handle = useDatabase(driver);
  const row = (epoch: number, committee: number[], establishedBy: number | null) => ({
    network: "mainnet",
    epoch,
    committee: Uint8Array.from(committee),
    establishedBy,
  });

  it("stores one committee per network and epoch, reads it back, and keeps the first", async () => {
    const { db } = handle;
    expect(await readCommittee(db, "mainnet", 189)).toBeUndefined();
    expect(await recordCommittee(db, row(189, [1, 2, 3], null))).toBe(true);
    expect(await recordCommittee(db, row(190, [4, 5], 16_092_000))).toBe(true);
    expect(await recordCommittee(db, row(189, [9], 15_918_264))).toBe(false);
    expect(await readCommittee(db, "mainnet", 189)).toEqual(row(189, [1, 2, 3], null));
    expect(await readCommittee(db, "mainnet", 190)).toEqual(row(190, [4, 5], 16_092_000));
    expect(await readCommittee(db, "testnet", 189)).toBeUndefined();
  });
});

/**
 * Object ids: the demo derives the ids of the objects a transaction creates as Sui does, which
 * the objects created in the real checkpoints of the shared fixtures prove.
 */
import { fromBase58 } from "@mysten/bcs";
import { decodeCheckpointData } from "@verity/checkpoints";
import { fixtures, readFixture } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { deriveObjectId } from "../src/object-id.ts";

/** Objects a transaction creates at most, as far as this test looks. */
const MAX_CREATED = 512;

describe("deriveObjectId", () => {
  it("gives the ids of the objects real transactions created", () => {
    let created = 0;
    let derived = 0;
    for (const fixture of fixtures) {
      const data = decodeCheckpointData(readFixture(fixture.network, fixture.sequence_number));
      for (const tx of data.transactions) {
        const effects = tx.effects.value;
        if (effects.$kind !== "V2") continue;
        const digest = fromBase58(effects.V2.transactionDigest);
        const ids = new Set(
          Array.from({ length: MAX_CREATED }, (_, n) => deriveObjectId(digest, n)),
        );
        for (const [id, change] of effects.V2.changedObjects) {
          if (change.idOperation.$kind !== "Created") continue;
          created += 1;
          if (ids.has(id)) derived += 1;
        }
      }
    }
    // Dynamic fields are the created objects whose ids come from their parent and key instead.
    expect(created).toBeGreaterThan(100);
    expect(derived / created).toBeGreaterThan(0.5);
  });
});

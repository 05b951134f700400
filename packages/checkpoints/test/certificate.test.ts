/**
 * Checkpoint certificates against the real cases of ../shared/fixtures (README, "Checkpoint
 * certificates"): mainnet 16005062 with epoch 189's committee from the end-of-epoch data of
 * 15918264, and a test network's 1137 with its genesis committee; every tamper is refused with
 * its reason.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixturePath } from "@verity/testing";
import { describe, expect, it } from "vitest";
import {
  CertificateError,
  type CertifiedCheckpointSummary,
  type Committee,
  committeeChain,
  committeeFromBcs,
  decodeCertifiedSummary,
  decodeCheckpointData,
  nextCommittee,
  verifyCheckpointCertificate,
} from "../src/index.ts";

const OCS = join(fixturePath("mainnet", 0), "..", "..", "..", "light-client", "ocs");
const chk = (network: string, seq: number) =>
  decodeCheckpointData(new Uint8Array(readFileSync(fixturePath(network, seq))));
/** `1137.chk` is plain BCS `CheckpointData`, without the store's leading tag byte. */
const ocsCheckpoint = () =>
  decodeCertifiedSummary(new Uint8Array(readFileSync(join(OCS, "1137.chk"))), "1137.chk");

const epoch189 = nextCommittee(chk("mainnet", 15918264).checkpointSummary);
const mainnet = chk("mainnet", 16005062).checkpointSummary;
const genesis = committeeFromBcs(new Uint8Array(readFileSync(join(OCS, "committee.bcs"))));
const ocs = ocsCheckpoint();

/** `certified` with its certificate or summary bytes replaced. */
function tampered(
  certified: CertifiedCheckpointSummary,
  change: { summaryBcs?: Uint8Array; signersMap?: number[]; epoch?: string },
): CertifiedCheckpointSummary {
  return {
    data: { ...certified.data, bcs: change.summaryBcs ?? certified.data.bcs },
    authSignature: {
      ...certified.authSignature,
      signersMap: change.signersMap
        ? Uint8Array.from(change.signersMap)
        : certified.authSignature.signersMap,
      epoch: change.epoch ?? certified.authSignature.epoch,
    },
  };
}

/** The message of the CertificateError `check` throws; fails when it accepts. */
const certificateError = (check: () => unknown) => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(CertificateError);
    return (error as Error).message;
  }
  throw new Error("accepted");
};

const refused = (data: CertifiedCheckpointSummary, committee: Committee) =>
  certificateError(() => verifyCheckpointCertificate(data, committee));

describe("verifyCheckpointCertificate, real cases", () => {
  it("certifies mainnet 16005062 by 61 of epoch 189's 105 validators, 6,684 voting power", () => {
    expect(epoch189.epoch).toBe(189n);
    const certified = verifyCheckpointCertificate(mainnet, epoch189);
    expect(certified).toMatchObject({ sequenceNumber: 16005062n, epoch: 189n, validators: 105 });
    expect(certified.signers).toHaveLength(61);
    expect(certified.votingPower).toBe(6684n);
  });

  it("certifies the test network's 1137 by 3 of its 4 genesis validators, 7,500", () => {
    expect(verifyCheckpointCertificate(ocs, genesis)).toMatchObject({
      sequenceNumber: 1137n,
      epoch: 0n,
      signers: [1, 2, 3],
      validators: 4,
      votingPower: 7500n,
    });
  });
});

describe("committeeFromBcs", () => {
  it("refuses bytes left after the committee", () => {
    const bytes = new Uint8Array(readFileSync(join(OCS, "committee.bcs")));
    expect(committeeFromBcs(bytes).members).toHaveLength(4);
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(() => committeeFromBcs(longer)).toThrow(
      `1 bytes left after the committee, from byte ${bytes.length}`,
    );
  });
});

describe("verifyCheckpointCertificate refuses", () => {
  it("any changed byte of the summary", () => {
    const bytes = mainnet.data.bcs;
    for (const i of [0, 8, 16, 24, 57, 90, bytes.length >> 1, bytes.length - 1]) {
      const changed = Uint8Array.from(bytes);
      changed[i] = (changed[i] as number) ^ 0x01;
      expect(refused(tampered(mainnet, { summaryBcs: changed }), epoch189)).toMatch(
        "does not verify over checkpoint 16005062's summary",
      );
    }
  });

  it("signers below the quorum", () => {
    const signers = new Set(verifyCheckpointCertificate(mainnet, epoch189).signers);
    // The same keys, with the signers' voting power moved to the others until they hold 6,666.
    let excess = 6684n - 6666n;
    const members = epoch189.members.map((m, i) => {
      if (!signers.has(i) || excess === 0n || m.votingPower < 2n) return m;
      const take = m.votingPower - 1n < excess ? m.votingPower - 1n : excess;
      excess -= take;
      return { ...m, votingPower: m.votingPower - take };
    });
    expect(refused(mainnet, { ...epoch189, members })).toBe(
      "signers hold 6666 of 10000 voting power, below the quorum of 6667",
    );
  });

  it("a wrong committee or epoch", () => {
    expect(refused(mainnet, { ...epoch189, epoch: 188n })).toBe(
      "signed by epoch 189's committee, given epoch 188's",
    );
    expect(refused(mainnet, { ...genesis, epoch: 189n })).toMatch(
      /^signer \d+ is not in the committee of 4$/,
    );
    const rotated = epoch189.members.map((m, i, all) => ({
      ...m,
      publicKey: (all[(i + 1) % all.length] as typeof m).publicKey,
    }));
    expect(refused(mainnet, { ...epoch189, members: rotated })).toMatch("does not verify");
    expect(refused(tampered(mainnet, { epoch: "190" }), epoch189)).toBe(
      "signed for epoch 190, the summary is of epoch 189",
    );
  });

  it("a malformed signers bitmap", () => {
    const map = [...mainnet.authSignature.signersMap];
    const cases: [number[], RegExp][] = [
      [[], /truncated at byte 0/],
      [[1, 2, 3, 4], /unknown cookie/],
      [map.slice(0, -1), /truncated/],
      [[...map, 0], /1 bytes left after the bitmap/],
    ];
    for (const [signersMap, reason] of cases)
      expect(refused(tampered(mainnet, { signersMap }), epoch189)).toMatch(reason);
  });
});

describe("committeeChain", () => {
  it("goes from a pinned committee to the next epoch's through a certified last checkpoint", () => {
    const chain = committeeChain(epoch189, [mainnet]);
    expect(chain.map((c) => c.epoch)).toEqual([189n, 190n]);
    const epoch190 = chain[1] as Committee;
    expect(epoch190.members.length).toBeGreaterThan(100);
    expect(epoch190.members.reduce((sum, m) => sum + m.votingPower, 0n)).toBe(10000n);
  });

  it("refuses a checkpoint of another epoch, one that is not the last, and a forged one", () => {
    const chainError = (anchor: Committee, last: CertifiedCheckpointSummary[]) =>
      certificateError(() => committeeChain(anchor, last));
    expect(chainError(epoch189, [mainnet, mainnet])).toBe(
      "checkpoint 16005062 is of epoch 189; the chain has reached epoch 190",
    );
    const notLast = {
      ...mainnet,
      data: { ...mainnet.data, value: { ...mainnet.data.value, endOfEpochData: null } },
    };
    expect(chainError(epoch189, [notLast])).toBe(
      "checkpoint 16005062 is not the last of epoch 189: it names no next committee",
    );
    const changed = Uint8Array.from(mainnet.data.bcs);
    changed[40] = (changed[40] as number) ^ 1;
    expect(chainError(epoch189, [tampered(mainnet, { summaryBcs: changed })])).toMatch(
      "does not verify",
    );
  });
});

/**
 * Trust anchors as `--committee` takes them, from the real files of ../shared/fixtures: a
 * committee file (the light client's genesis committee) and the last checkpoint of mainnet epoch
 * 188 (15918264), whose end-of-epoch data names epoch 189's committee.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readFixture, SUI_CHECKPOINTS } from "@verity/testing";
import { describe, expect, it } from "vitest";
import {
  anchorCommittee,
  committeeFromBcs,
  committeeToBcs,
  decodeCertifiedSummary,
  nextCommittee,
} from "../src/index.ts";

const COMMITTEE_FILE = join(SUI_CHECKPOINTS, "..", "light-client", "ocs", "committee.bcs");
const committeeFile = new Uint8Array(readFileSync(COMMITTEE_FILE));

describe("committeeToBcs", () => {
  it("writes a committee file back byte for byte", () => {
    expect(committeeToBcs(committeeFromBcs(committeeFile))).toEqual(committeeFile);
    const epoch189 = nextCommittee(decodeCertifiedSummary(readFixture("mainnet", 15918264)));
    expect(committeeFromBcs(committeeToBcs(epoch189))).toEqual(epoch189);
  });
});

describe("anchorCommittee", () => {
  it("reads a committee file, or the next committee a checkpoint's end-of-epoch data names", () => {
    expect(anchorCommittee(committeeFile, "committee.bcs")).toEqual(
      committeeFromBcs(committeeFile),
    );
    const anchor = anchorCommittee(readFixture("mainnet", 15918264), "15918264.chk");
    expect(anchor.epoch).toBe(189n);
    expect(anchor.members).toHaveLength(105);
  });

  it("refuses a checkpoint that ends no epoch, and bytes that are neither", () => {
    expect(() => anchorCommittee(readFixture("mainnet", 22279187), "22279187.chk")).toThrow(
      "checkpoint 22279187 is not the last of its epoch: no next committee",
    );
    expect(() => anchorCommittee(committeeFile.subarray(0, 100), "cut.bcs")).toThrow(
      /^cut\.bcs: neither a checkpoint nor a committee file \(/,
    );
  });
});

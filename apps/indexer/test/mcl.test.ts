/**
 * The verifying thread's pairing check (`mclBls`, mcl-wasm) against `@verity/checkpoints`'
 * default (`@noble/curves`) on the real mainnet case of ../shared/fixtures: checkpoint 16005062,
 * signed by 61 of epoch 189's 105 validators, the committee from 15918264's end-of-epoch data.
 * Both must give the same verdict on the real certificate and on each tamper.
 */
import {
  type BlsVerifier,
  CertificateError,
  type CertifiedCheckpointSummary,
  type Committee,
  decodeCheckpointData,
  nextCommittee,
  verifyCheckpointCertificate,
} from "@verity/checkpoints";
import { readFixture } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { mclBls } from "../src/certificates/mcl.ts";

const summaryOf = (seq: number) =>
  decodeCheckpointData(readFixture("mainnet", seq)).checkpointSummary;
const mainnet = summaryOf(16005062);
const epoch189 = nextCommittee(summaryOf(15918264));
const mcl = await mclBls();

/** `verifyCheckpointCertificate`'s verdict with `bls`: "accepted" or the refusal's message. */
function verdict(certified: CertifiedCheckpointSummary, committee: Committee, bls?: BlsVerifier) {
  try {
    verifyCheckpointCertificate(certified, committee, bls);
    return "accepted";
  } catch (error) {
    expect(error).toBeInstanceOf(CertificateError);
    return (error as Error).message;
  }
}

/**
 * The portable Roaring bitmap of `indexes` (all below 65,536) as Sui serializes a signers map:
 * cookie 12346 (no run containers), one container (key 0, cardinality - 1, offset 16), then the
 * sorted values as u16 little-endian (an array container).
 */
function roaring(indexes: number[]): Uint8Array {
  const values = [...indexes].sort((a, b) => a - b);
  const view = new DataView(new ArrayBuffer(16 + 2 * values.length));
  view.setUint32(0, 12346, true);
  view.setUint32(4, 1, true);
  view.setUint16(8, 0, true);
  view.setUint16(10, values.length - 1, true);
  view.setUint32(12, 16, true);
  for (const [i, value] of values.entries()) view.setUint16(16 + 2 * i, value, true);
  return new Uint8Array(view.buffer);
}

/** `mainnet` with one byte of its summary flipped. */
function changedSummary(at: number): CertifiedCheckpointSummary {
  const bcs = Uint8Array.from(mainnet.data.bcs);
  bcs[at] = (bcs[at] as number) ^ 0x01;
  return { ...mainnet, data: { ...mainnet.data, bcs } };
}

describe("mclBls, as @noble/curves on mainnet 16005062 with epoch 189's committee", () => {
  it("accepts the real certificate, 61 signers, 6,684 voting power", () => {
    expect(verdict(mainnet, epoch189, mcl)).toBe("accepted");
    expect(verifyCheckpointCertificate(mainnet, epoch189, mcl)).toMatchObject({
      sequenceNumber: 16005062n,
      epoch: 189n,
      validators: 105,
      votingPower: 6684n,
    });
  });

  it("refuses a changed summary byte", () => {
    for (const at of [0, 57, mainnet.data.bcs.length >> 1, mainnet.data.bcs.length - 1]) {
      const changed = changedSummary(at);
      expect(verdict(changed, epoch189, mcl)).toBe(
        "the aggregate signature of 61 signers does not verify over checkpoint 16005062's summary",
      );
      expect(verdict(changed, epoch189, mcl)).toBe(verdict(changed, epoch189));
    }
  });

  it("refuses a wrong signer set: the 61 signers and member 2, who did not sign", () => {
    const signers = verifyCheckpointCertificate(mainnet, epoch189).signers;
    expect(signers).not.toContain(2);
    const wrong: CertifiedCheckpointSummary = {
      ...mainnet,
      authSignature: { ...mainnet.authSignature, signersMap: roaring([...signers, 2]) },
    };
    expect(verdict(wrong, epoch189, mcl)).toBe(
      "the aggregate signature of 62 signers does not verify over checkpoint 16005062's summary",
    );
    expect(verdict(wrong, epoch189, mcl)).toBe(verdict(wrong, epoch189));
  });

  it("refuses the real signers with keys of other members", () => {
    const rotated: Committee = {
      ...epoch189,
      members: epoch189.members.map((m, i, all) => ({
        ...m,
        publicKey: (all[(i + 1) % all.length] as typeof m).publicKey,
      })),
    };
    expect(verdict(mainnet, rotated, mcl)).toBe(
      "the aggregate signature of 61 signers does not verify over checkpoint 16005062's summary",
    );
    expect(verdict(mainnet, rotated, mcl)).toBe(verdict(mainnet, rotated));
  });

  it("refuses a committee key and a signature that are not points, as noble does", () => {
    const badKey: Committee = {
      ...epoch189,
      members: epoch189.members.map((m, i) =>
        i === 3 ? { ...m, publicKey: new Uint8Array(96).fill(0xff) } : m,
      ),
    };
    expect(verdict(mainnet, badKey, mcl)).toMatch(
      /^committee member 3's public key is not a G2 point: /,
    );
    expect(verdict(mainnet, badKey)).toMatch(
      /^committee member 3's public key is not a G2 point: /,
    );
    const badSignature: CertifiedCheckpointSummary = {
      ...mainnet,
      authSignature: { ...mainnet.authSignature, signature: new Uint8Array(48).fill(0xff) },
    };
    expect(verdict(badSignature, epoch189, mcl)).toMatch(/^bad key or signature bytes: /);
    expect(verdict(badSignature, epoch189)).toMatch(/^bad key or signature bytes: /);
  });
});

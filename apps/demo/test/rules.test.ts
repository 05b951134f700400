/**
 * The chain rules the simulated chain applies besides terms: a model's generative flag comes
 * from its training's signed kind (`model::begin`), what an unsigned attestation may state
 * (`attestation::record_self`, `finalize`), and no debug-mode enclave image
 * (`enclave::create_config`).
 */
import { AttestationKind } from "@verity/sdk";
import { describe, expect, it } from "vitest";
import type { Content } from "../src/content.ts";
import { payloadOf } from "../src/events.ts";
import { assertMeasured, assertSelfRecordable, trainsGenerative } from "../src/rules.ts";

/** Content with a fixed identity (no Walrus encoding needed). */
const content = (byte: number): Content => ({
  bytes: new Uint8Array([byte]),
  mediaType: "text/csv",
  size: 1,
  sha256: new Uint8Array(32).fill(byte),
  blobId: `blob-${byte}`,
  blobIdU256: BigInt(byte),
});
const digest = new Uint8Array(32).fill(9);
const split = payloadOf(AttestationKind.transform, ["0x1"], [content(1)], [content(2)], digest);

describe("chain rules", () => {
  it("make a model generative exactly when its training's kind is generative training", () => {
    expect(trainsGenerative(AttestationKind.training)).toBe(false);
    expect(trainsGenerative(AttestationKind.generativeTraining)).toBe(true);
    for (const kind of [
      AttestationKind.transform,
      AttestationKind.fineTune,
      AttestationKind.generativeFineTune,
      AttestationKind.evaluation,
    ])
      expect(() => trainsGenerative(kind)).toThrow("model::EWrongAttestationKind");
  });

  it("let an unsigned attestation state only a transform, training or fine-tune that backs a new object", () => {
    expect(() => assertSelfRecordable(split, [content(2)])).not.toThrow();
    for (const kind of [AttestationKind.evaluation, AttestationKind.inference])
      expect(() => assertSelfRecordable({ ...split, kind }, [content(2)])).toThrow(
        "attestation::EUnsignedKind",
      );
    expect(() => assertSelfRecordable({ ...split, outputs: ["0x2"] }, [content(2)])).toThrow(
      "attestation::EUnsignedOutputs",
    );
    expect(() => assertSelfRecordable(split, [])).toThrow("attestation::EUnsignedUnclaimed");
  });

  it("refuse an enclave image whose PCRs are all zero", () => {
    const zero = () => new Uint8Array(48);
    expect(() => assertMeasured([zero(), zero(), zero()])).toThrow("enclave::EDebugPcrs");
    expect(() => assertMeasured([zero(), zero(), new Uint8Array(48).fill(1)])).not.toThrow();
  });
});

/**
 * The simulated Nitro attestation document: laid out as AWS's (a COSE_Sign1 array whose
 * payload map carries the PCRs and the enclave's key), signed by nobody.
 */
import { toHex } from "@mysten/sui/utils";
import { decode } from "cborg";
import { describe, expect, it } from "vitest";
import { simulatedAttestationDocument, simulatedPcrs } from "../src/nitro.ts";
import { participants } from "../src/participants.ts";

describe("the simulated attestation document", () => {
  const pcrs = simulatedPcrs("an image");
  const key = participants.enclave.getPublicKey().toRawBytes();
  const document = toHex(simulatedAttestationDocument(pcrs, key, 1_750_000_000_000));

  it("is a COSE_Sign1 whose payload holds PCR0-15 and the key, with a zero signature", () => {
    expect(pcrs.map((pcr) => pcr.length)).toEqual([48, 48, 48]);
    expect(new Set(pcrs.map(toHex)).size).toBe(3);
    expect(document.startsWith("84")).toBe(true); // an array of 4: protected, unprotected, payload, signature
    for (const [i, pcr] of pcrs.entries()) expect(document).toContain(`0${i}5830${toHex(pcr)}`);
    expect(document).toContain(`0f5830${"00".repeat(48)}`); // PCR15, unused
    expect(document).toContain(`6a7075626c69635f6b65795820${toHex(key)}`); // "public_key": 32 bytes
    expect(document.endsWith(`5860${"00".repeat(96)}`)).toBe(true);
  });

  it("decodes back to the PCRs and the key", () => {
    const raw = simulatedAttestationDocument(pcrs, key, 1_750_000_000_000);
    const [, , payload, signature] = decode(raw) as Uint8Array[];
    const fields = decode(payload!, { useMaps: true }) as Map<string, unknown>;
    const measured = fields.get("pcrs") as Map<number, Uint8Array>;
    expect([0, 1, 2].map((i) => toHex(measured.get(i)!))).toEqual(pcrs.map(toHex));
    expect(measured.size).toBe(16);
    expect(toHex(fields.get("public_key") as Uint8Array)).toBe(toHex(key));
    expect(fields.get("timestamp")).toBe(1_750_000_000_000);
    expect(signature).toEqual(new Uint8Array(96));
  });
});

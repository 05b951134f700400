/**
 * The demo's enclave: the measurements of the lab's inference-server image and the AWS Nitro
 * attestation document its enclave would hand to `enclave::register`. Both are simulated: no
 * image was built and no enclave ran, so the PCRs are digests of public labels and the document,
 * though laid out as AWS's (a COSE_Sign1 whose payload is the CBOR attestation map), carries no
 * certificate and a zero signature: signed by nobody, like the demo's checkpoint certificates.
 * `0x2::nitro_attestation::load_nitro_attestation` would refuse it on a real network.
 */
import { createHash } from "node:crypto";
import { encode } from "cborg";

/** Nitro PCRs are SHA-384, 48 bytes. */
const PCR_LENGTH = 48;
/** PCRs a Nitro document lists: 0-15 (the unused ones as zeros). */
const PCR_COUNT = 16;

/** `[PCR0, PCR1, PCR2]` of the simulated image `image`: SHA-384 of public labels. */
export function simulatedPcrs(image: string): [Uint8Array, Uint8Array, Uint8Array] {
  const pcr = (i: number) =>
    new Uint8Array(createHash("sha384").update(`verity demo: ${image} PCR${i}`).digest());
  return [pcr(0), pcr(1), pcr(2)];
}

/**
 * The simulated Nitro attestation document of an enclave running the image measured by
 * `pcrs`, holding the ed25519 `publicKey` (32 bytes) it generated, made at `timestampMs`:
 * `COSE_Sign1 [protected {alg: ES384}, {}, payload, signature]` whose payload is the map AWS
 * documents (`module_id`, `digest`, `timestamp`, `pcrs` 0-15, `certificate`, `cabundle`,
 * `public_key`, `user_data`, `nonce`), with an empty certificate chain and a zero signature.
 * CBOR by `cborg` (its canonical map order).
 */
export function simulatedAttestationDocument(
  pcrs: readonly Uint8Array[],
  publicKey: Uint8Array,
  timestampMs: number,
): Uint8Array {
  const measured = new Map(
    Array.from({ length: PCR_COUNT }, (_, i) => [i, pcrs[i] ?? new Uint8Array(PCR_LENGTH)]),
  );
  const payload = new Map<string, unknown>([
    ["module_id", "i-0000000000demo000-enc0000000000demo0"],
    ["digest", "SHA384"],
    ["timestamp", timestampMs],
    ["pcrs", measured],
    ["certificate", new Uint8Array()],
    ["cabundle", []],
    ["public_key", publicKey],
    ["user_data", null],
    ["nonce", null],
  ]);
  const es384 = new Map([[1, -35]]);
  return encode([encode(es384), new Map(), encode(payload), new Uint8Array(96)]);
}

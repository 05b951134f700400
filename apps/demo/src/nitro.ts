/**
 * The demo's enclave: the measurements of the lab's inference-server image and the AWS Nitro
 * attestation document its enclave would hand to `enclave::register`. Both are simulated: no
 * image was built and no enclave ran, so the PCRs are digests of public labels and the document,
 * though laid out as AWS's (a COSE_Sign1 whose payload is the CBOR attestation map), carries no
 * certificate and a zero signature: signed by nobody, like the demo's checkpoint certificates.
 * `0x2::nitro_attestation::load_nitro_attestation` would refuse it on a real network.
 */
import { createHash } from "node:crypto";

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

/** A CBOR value (RFC 8949), as far as attestation documents need. */
type Cbor = number | string | Uint8Array | null | Cbor[] | Map<Cbor, Cbor>;

/** The head of a CBOR data item: major type and argument, in the shortest form. */
function head(major: number, argument: number): Uint8Array {
  if (argument < 24) return Uint8Array.of((major << 5) | argument);
  const size = argument < 0x100 ? 1 : argument < 0x10000 ? 2 : argument < 0x1_0000_0000 ? 4 : 8;
  const out = new Uint8Array(1 + size);
  out[0] = (major << 5) | (24 + Math.log2(size));
  const view = new DataView(out.buffer, 1);
  if (size === 1) view.setUint8(0, argument);
  else if (size === 2) view.setUint16(0, argument);
  else if (size === 4) view.setUint32(0, argument);
  else view.setBigUint64(0, BigInt(argument));
  return out;
}

/** CBOR encoding of `value` (definite lengths; maps in insertion order). */
function cbor(value: Cbor): Uint8Array {
  if (value === null) return Uint8Array.of(0xf6);
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = new TextEncoder().encode(value);
    return concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return concat([head(2, value.length), value]);
  if (Array.isArray(value)) return concat([head(4, value.length), ...value.map(cbor)]);
  return concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The simulated Nitro attestation document of an enclave running the image measured by
 * `pcrs`, holding the ed25519 `publicKey` (32 bytes) it generated, made at `timestampMs`:
 * `COSE_Sign1 [protected {alg: ES384}, {}, payload, signature]` whose payload is the map AWS
 * documents (`module_id`, `digest`, `timestamp`, `pcrs` 0-15, `certificate`, `cabundle`,
 * `public_key`, `user_data`, `nonce`), with an empty certificate chain and a zero signature.
 */
export function simulatedAttestationDocument(
  pcrs: readonly Uint8Array[],
  publicKey: Uint8Array,
  timestampMs: number,
): Uint8Array {
  const measured = new Map<Cbor, Cbor>(
    Array.from({ length: PCR_COUNT }, (_, i) => [i, pcrs[i] ?? new Uint8Array(PCR_LENGTH)]),
  );
  const payload = new Map<Cbor, Cbor>([
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
  const es384 = new Map<Cbor, Cbor>([[1, -35]]);
  return cbor([cbor(es384), new Map(), cbor(payload), new Uint8Array(96)]);
}

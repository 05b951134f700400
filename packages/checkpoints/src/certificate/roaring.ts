/**
 * Strict reader of a Roaring bitmap in its portable serialization (the format of the Rust
 * `roaring` crate's `serialize_into`, which Sui uses for `AuthorityQuorumSignInfo.signers_map`).
 * Written here rather than taken from `roaring-wasm`, whose deserializer's behaviour on corrupt
 * input is undefined: a certificate verifier must refuse a malformed bitmap with a reason.
 */

/** Cookie of a bitmap that may hold run containers (low 16 bits; the high 16 are size - 1). */
const SERIAL_COOKIE = 12347;
/** Cookie of a bitmap without run containers (followed by a u32 container count). */
const SERIAL_COOKIE_NO_RUNCONTAINER = 12346;
/** Containers from which a run-cookie bitmap carries an offset table. */
const NO_OFFSET_THRESHOLD = 4;
/** Most values an array container holds; above it a container is a 8,192-byte bitmap. */
const ARRAY_MAX = 4096;

/** Why a bitmap was refused. */
export class RoaringFormatError extends Error {
  override name = "RoaringFormatError";
}

/**
 * The values of the portable-format Roaring bitmap `bytes`, in increasing order.
 *
 * @throws RoaringFormatError on an unknown cookie, truncated data, keys or values out of
 *   order, a cardinality that does not fit its container, an offset table that disagrees with
 *   the containers, or bytes left over
 */
export function readRoaring(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (n: number, what: string) => {
    if (at + n > bytes.length)
      throw new RoaringFormatError(`truncated at byte ${at}: ${what} needs ${n} bytes`);
  };
  const u16 = (what: string) => {
    need(2, what);
    at += 2;
    return view.getUint16(at - 2, true);
  };
  const u32 = (what: string) => {
    need(4, what);
    at += 4;
    return view.getUint32(at - 4, true);
  };

  const cookie = u32("the cookie");
  let size: number;
  let runs: Uint8Array | undefined;
  if ((cookie & 0xffff) === SERIAL_COOKIE) {
    size = (cookie >>> 16) + 1;
    const runBytes = Math.ceil(size / 8);
    need(runBytes, "the run-container flags");
    runs = bytes.subarray(at, at + runBytes);
    at += runBytes;
  } else if (cookie === SERIAL_COOKIE_NO_RUNCONTAINER) {
    size = u32("the container count");
  } else {
    throw new RoaringFormatError(`unknown cookie ${cookie}`);
  }
  if (size > 65536) throw new RoaringFormatError(`${size} containers, more than 65536`);

  const headers: { key: number; cardinality: number; run: boolean }[] = [];
  for (let i = 0; i < size; i++) {
    const key = u16("a container key");
    const cardinality = u16("a container cardinality") + 1;
    const previous = headers[i - 1];
    if (previous && key <= previous.key)
      throw new RoaringFormatError(`container keys out of order: ${key} after ${previous.key}`);
    headers.push({
      key,
      cardinality,
      run: runs !== undefined && (((runs[i >> 3] ?? 0) >> (i & 7)) & 1) === 1,
    });
  }
  const offsets: number[] = [];
  if (!runs || size >= NO_OFFSET_THRESHOLD)
    for (let i = 0; i < size; i++) offsets.push(u32("a container offset"));

  const values: number[] = [];
  headers.forEach(({ key, cardinality, run }, i) => {
    const offset = offsets[i];
    if (offset !== undefined && offset !== at)
      throw new RoaringFormatError(`container ${i} is at byte ${at}, its offset says ${offset}`);
    const base = key * 65536;
    const low: number[] = [];
    if (run) {
      const count = u16("a run count");
      for (let r = 0; r < count; r++) {
        const start = u16("a run start");
        const length = u16("a run length");
        if (start + length > 0xffff)
          throw new RoaringFormatError(`run past 65535 in container ${i}`);
        for (let v = start; v <= start + length; v++) low.push(v);
      }
    } else if (cardinality > ARRAY_MAX) {
      need(8192, "a bitmap container");
      for (let v = 0; v < 65536; v++) if ((bytes[at + (v >> 3)] ?? 0) & (1 << (v & 7))) low.push(v);
      at += 8192;
    } else {
      for (let v = 0; v < cardinality; v++) low.push(u16("an array value"));
    }
    if (low.length !== cardinality)
      throw new RoaringFormatError(
        `container ${i} holds ${low.length} values, its header says ${cardinality}`,
      );
    for (let v = 1; v < low.length; v++)
      if ((low[v] as number) <= (low[v - 1] as number))
        throw new RoaringFormatError(`values out of order in container ${i}`);
    for (const v of low) values.push(base + v);
  });
  if (at !== bytes.length)
    throw new RoaringFormatError(`${bytes.length - at} bytes left after the bitmap`);
  return values;
}

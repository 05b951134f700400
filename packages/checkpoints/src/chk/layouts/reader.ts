import { BcsReader } from "@mysten/bcs";
import { readerOffset } from "../../bcs-offset.ts";

/**
 * A `BcsReader` whose ULEB128 and u64 reads give the same values and errors as `@mysten/bcs`'s
 * with plain number arithmetic (`@mysten/bcs` computes each in BigInts and hex strings, and
 * reads every vector length and enum tag of a checkpoint as a ULEB128).
 */
export class CheckpointReader extends BcsReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;

  constructor(bytes: Uint8Array) {
    super(bytes);
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  override readULEB(): number {
    const bytes = this.#bytes;
    const start = readerOffset(this);
    let value = 0;
    for (let i = 0; ; i++) {
      if (start + i >= bytes.length) throw new Error("ULEB decode error: buffer overflow");
      const byte = bytes[start + i]!;
      if (byte & 127) value += (byte & 127) * 2 ** (7 * i);
      if ((byte & 128) === 0) {
        if (byte === 0 && i > 0) throw new Error("ULEB decode error: non-canonical encoding");
        if (value > Number.MAX_SAFE_INTEGER) {
          throw new Error("ULEB decode error: value exceeds MAX_SAFE_INTEGER");
        }
        this.shift(i + 1);
        return value;
      }
    }
  }

  override read64(): string {
    const value = this.#view.getBigUint64(readerOffset(this), true);
    this.shift(8);
    return value.toString();
  }
}

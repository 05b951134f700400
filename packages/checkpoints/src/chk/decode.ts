/**
 * Reading Sui checkpoint-store files (`<seq>.chk`, as `https://checkpoints.<network>.sui.io`
 * serves them and `--local-ingestion-path` directories hold them): one blob-encoding tag byte
 * (`0x01`, BCS) followed by the BCS of `CheckpointData`.
 */
import type { BcsType } from "@mysten/bcs";
import { readerOffset } from "../bcs-offset.ts";
import type { Checkpoint } from "../checkpoint.ts";
import { CheckpointDecodeError } from "./error.ts";
import {
  CertifiedCheckpointSummary,
  CheckpointData,
  RawCheckpointData,
} from "./layouts/checkpoint.ts";
import { rawLeaves } from "./layouts/leaves.ts";
import { CheckpointReader } from "./layouts/reader.ts";
import { LayoutReadError } from "./layouts/support.ts";
import { normalizeCheckpoint } from "./normalize.ts";

/** Blob-encoding tag of an uncompressed BCS checkpoint file (Sui's `BlobEncoding::Bcs`). */
export const BCS_TAG = 0x01;

/**
 * Decodes a `.chk` file to its full `CheckpointData`: the certified summary, the contents, and
 * every transaction with its signatures, effects, events, input and output objects. Byte fields
 * (`bcs`, `contents`, …) are views into `bytes` (or into a copy, when `bytes` is a view into a
 * larger buffer).
 *
 * @param source file path or URL, named in errors
 * @throws CheckpointDecodeError on a wrong tag, truncated data, bytes that fit no Sui type, or
 *   trailing bytes after the data
 */
export function decodeCheckpointData(bytes: Uint8Array, source?: string): CheckpointData {
  return decodeWith(CheckpointData, bytes, source);
}

/** Options of `decodeCheckpointFile` and of the checkpoint-store sources. */
export interface DecodeOptions {
  /**
   * Check that the file's digests tie together (see `normalizeCheckpoint`): Blake2b-256 over
   * the contents and each transaction's data, effects and events, about a third of the file,
   * which more than doubles the time to decode it. Default false: these digests only detect
   * corruption, not forgery (the validators' signatures are not checked), and a corrupt file
   * fails to decode in most cases anyway. (`checkpointFromData`, behind `verity inspect`,
   * always checks them.)
   */
  verifyDigests?: boolean;
  /**
   * Keep only the transactions that emitted an event whose type one of these packages defines
   * (0x + 64 lowercase hex, as `CheckpointEvent.packageId`): the others are left out of
   * `Checkpoint.transactions` (a kept transaction keeps all its events, so their indexes are
   * its event indexes), and a `.binpb.zst` file's events are not decoded at all where their
   * bytes hold none of these ids. With `verifyDigests`, only the kept transactions (and the
   * contents) are checked. Default: every transaction. Most of a real checkpoint's
   * transactions emit no event an indexer reads (README, "Store formats").
   */
  eventPackages?: readonly string[];
}

/**
 * Decodes a `.chk` file to the indexer's `Checkpoint` (see `normalizeCheckpoint`), the fast
 * way: addresses, object ids and digests stay bytes while decoding, and only those the
 * `Checkpoint` holds become text. A transaction's digest is the one the contents list (with
 * `verifyDigests`, checked to be the digest of its data and the one its effects name). Gives the same `Checkpoint` as
 * `checkpointFromData(decodeCheckpointData(bytes))`.
 *
 * @param source file path or URL, named in errors
 * @throws CheckpointDecodeError as `decodeCheckpointData`, or when the file is inconsistent (a
 *   digest does not match, when verifying)
 */
export function decodeCheckpointFile(
  bytes: Uint8Array,
  source?: string,
  options: DecodeOptions = {},
): Checkpoint {
  return normalizeCheckpoint(decodeWith(RawCheckpointData, bytes, source), rawLeaves, {
    source,
    verifyDigests: options.verifyDigests ?? false,
    eventPackages: options.eventPackages,
  });
}

/**
 * The certified summary in `bytes`: a checkpoint file (`.chk`: tag byte 0x01 then BCS
 * `CheckpointData`), BCS `CheckpointData` without the tag, or a BCS
 * `Envelope<CheckpointSummary, AuthorityQuorumSignInfo>` as Sui's light client stores them;
 * each is tried in that order and must decode to its last byte.
 *
 * @param source file path, named in errors
 * @throws CheckpointDecodeError (the checkpoint file's reading) when none of the three fits
 */
export function decodeCertifiedSummary(
  bytes: Uint8Array,
  source?: string,
): CertifiedCheckpointSummary {
  let tagged: Uint8Array | undefined;
  const withTag = () => {
    if (!tagged) {
      tagged = new Uint8Array(bytes.length + 1);
      tagged[0] = BCS_TAG;
      tagged.set(bytes, 1);
    }
    return tagged;
  };
  const readings = [
    () => decodeWith(CheckpointData, bytes, source).checkpointSummary,
    () => decodeWith(CheckpointData, withTag(), source).checkpointSummary,
    () => decodeWith(CertifiedCheckpointSummary, withTag(), source),
  ];
  let first: unknown;
  for (const read of readings) {
    try {
      return read();
    } catch (error) {
      first ??= error;
    }
  }
  throw first;
}

/** The `layout` value of a `.chk` file (see `decodeCheckpointData`). */
function decodeWith<T>(layout: Pick<BcsType<T>, "read">, bytes: Uint8Array, source?: string): T {
  if (bytes.length === 0) throw new CheckpointDecodeError("empty file", 0, source);
  if (bytes[0] !== BCS_TAG) {
    const tag = bytes[0]!.toString(16).padStart(2, "0");
    throw new CheckpointDecodeError(
      `unknown blob-encoding tag 0x${tag} at byte 0 (expected 0x01, BCS)`,
      0,
      source,
    );
  }
  // Reads past the end must fail, so the bytes must end where their buffer ends.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const reader = new CheckpointReader((whole ? bytes : bytes.slice()).subarray(1));
  let data: T;
  try {
    data = layout.read(reader);
  } catch (error) {
    throw readFailure(error, 1 + readerOffset(reader), bytes.length, source);
  }
  const end = 1 + readerOffset(reader);
  if (end !== bytes.length) {
    throw new CheckpointDecodeError(
      `${bytes.length - end} trailing bytes after the checkpoint data, from byte ${end}`,
      end,
      source,
    );
  }
  return data;
}

function readFailure(
  error: unknown,
  offset: number,
  length: number,
  source: string | undefined,
): CheckpointDecodeError {
  const path = error instanceof LayoutReadError ? error.path.join(".") : "CheckpointData";
  const cause = error instanceof LayoutReadError ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  // Reads past the end throw RangeError (DataView, typed arrays) or a ULEB "buffer overflow".
  const ended = cause instanceof RangeError || message.includes("buffer overflow");
  const reason = ended
    ? `unexpected end of data at byte ${offset} of ${length}, reading ${path}`
    : `invalid data at byte ${offset}, reading ${path}: ${message}`;
  return new CheckpointDecodeError(reason, offset, source);
}

/**
 * The two file formats of a checkpoint store, each a file per checkpoint named
 * `<sequence number>.<format>`, and the decoding of a store's file.
 */
import { decodeCheckpointBlob } from "../binpb/decode.ts";
import type { Checkpoint } from "../checkpoint.ts";
import { type DecodeOptions, decodeCheckpointFile } from "../chk/decode.ts";
import { CheckpointDecodeError } from "../chk/error.ts";

/**
 * A store's file format: `binpb.zst` (protobuf `sui.rpc.v2.Checkpoint`, zstd-compressed), the
 * one Sui's stores publish now, or `chk` (BCS `CheckpointData`), deprecated and being
 * decommissioned.
 */
export type StoreFormat = "binpb.zst" | "chk";

/** The formats, the current one first (the one tried first when probing). */
export const STORE_FORMATS: readonly StoreFormat[] = ["binpb.zst", "chk"];

/** The other format. */
export const otherFormat = (format: StoreFormat): StoreFormat =>
  format === "chk" ? "binpb.zst" : "chk";

/**
 * What decodes a store's file: `decodeStoreFile`, by default on the calling thread; a source can
 * be given another with the same contract (e.g. one that decodes on worker threads) through its
 * `decodeFile` option.
 */
export type StoreFileDecoder = (
  format: StoreFormat,
  bytes: Uint8Array,
  sequenceNumber: bigint,
  source: string,
  options: DecodeOptions,
) => Checkpoint | Promise<Checkpoint>;

/**
 * What reads and decodes a store directory's file `path` (a `StoreFileDecoder` that reads the
 * file itself, e.g. on the thread that decodes it).
 */
export type StorePathDecoder = (
  format: StoreFormat,
  path: string,
  sequenceNumber: bigint,
  options: DecodeOptions,
) => Promise<Checkpoint>;

/** How a store source decodes its files: `DecodeOptions`, and the decoder that applies them. */
export interface StoreDecodeOptions extends DecodeOptions {
  /** Decodes each file (after it is read or fetched). Default `decodeStoreFile`. */
  decodeFile?: StoreFileDecoder;
}

/**
 * The checkpoint in `bytes`, a store's file in `format` that must hold checkpoint
 * `sequenceNumber` (as stores name their files).
 *
 * @param source file path or URL, named in errors
 * @throws CheckpointDecodeError as `decodeCheckpointBlob` or `decodeCheckpointFile`, or when the
 *   file holds another checkpoint
 */
export function decodeStoreFile(
  format: StoreFormat,
  bytes: Uint8Array,
  sequenceNumber: bigint,
  source: string,
  options: DecodeOptions,
): Checkpoint {
  const decode = format === "chk" ? decodeCheckpointFile : decodeCheckpointBlob;
  const checkpoint = decode(bytes, source, options);
  if (checkpoint.sequenceNumber !== sequenceNumber) {
    throw new CheckpointDecodeError(
      `holds checkpoint ${checkpoint.sequenceNumber}, expected ${sequenceNumber}`,
      undefined,
      source,
    );
  }
  return checkpoint;
}

/**
 * The one field of a zstd frame header (RFC 8878, section 3.1.1.1) the decoder reads ahead of
 * decompressing: the size of what the frame holds, so that the output buffer is allocated once,
 * at that size, instead of in zlib's default chunks then concatenated (README, Store formats).
 */

/** A zstd frame's magic number, little-endian. */
const ZSTD_MAGIC = 0xfd2fb528;

/** Largest content size taken from a header: a frame claiming more gets zlib's default chunks. */
export const MAX_DECLARED_SIZE = 64 * 1024 * 1024;

/**
 * The decompressed size, bytes, that the zstd frame at the start of `bytes` declares in its
 * `Frame_Content_Size` field; undefined when `bytes` does not start with a zstd frame, the header
 * leaves the size out, or declares more than `MAX_DECLARED_SIZE` (a header is the file's word
 * only: the decompression checks it).
 */
export function declaredContentSize(bytes: Uint8Array): number | undefined {
  if (bytes.length < 6) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== ZSTD_MAGIC) return undefined;
  const descriptor = view.getUint8(4);
  const contentSizeFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictionaryIdSize = [0, 1, 2, 4][descriptor & 3]!;
  const fieldSize = contentSizeFlag === 0 ? singleSegment : [0, 2, 4, 8][contentSizeFlag]!;
  const at = 5 + (singleSegment ? 0 : 1) + dictionaryIdSize; // after the window descriptor
  if (fieldSize === 0 || bytes.length < at + fieldSize) return undefined;
  const size =
    fieldSize === 1
      ? view.getUint8(at)
      : fieldSize === 2
        ? view.getUint16(at, true) + 256
        : fieldSize === 4
          ? view.getUint32(at, true)
          : Number(view.getBigUint64(at, true));
  return size <= MAX_DECLARED_SIZE ? size : undefined;
}

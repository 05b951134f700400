/**
 * A checkpoint-store file that cannot be read: wrong blob-encoding tag, truncated, trailing
 * bytes, bytes that fit no Sui type, or digests that do not tie together (a `.chk` file); not
 * zstd, not a protobuf `Checkpoint`, a BCS part missing or not decoding (a `.binpb.zst` file);
 * or a store's `epochs.json` that is not a list of checkpoints. Retrying cannot fix it. The
 * message names the source (file path or URL, when known) and what was being read, e.g.
 * `…/42.chk: unexpected end of data at byte 1834 of 1900, reading transactions[2].effects`,
 * `…/42.binpb.zst: no transactions[2].effects.bcs`.
 */
export class CheckpointDecodeError extends Error {
  constructor(
    /** What is wrong, without the source. */
    readonly reason: string,
    /**
     * Byte offset in the `.chk` file where reading stopped (at or just past the bad value);
     * undefined for a digest mismatch and for other files.
     */
    readonly offset?: number,
    /** File path or URL the bytes came from, when known. */
    readonly source?: string,
  ) {
    super(`${source ?? "checkpoint file"}: ${reason}`);
    this.name = "CheckpointDecodeError";
  }
}

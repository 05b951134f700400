/** The messages between `DecodePool` and its threads (`worker.ts`). */
import type { Checkpoint, DecodeOptions, StoreFormat } from "@verity/checkpoints";

/**
 * A file to decode, as `decodeStoreFile` takes it: its bytes (transferred, not copied), or its
 * path, for the thread to read.
 */
export interface DecodeRequest {
  id: number;
  format: StoreFormat;
  bytes: Uint8Array | { path: string };
  sequenceNumber: bigint;
  source: string;
  options: DecodeOptions;
}

/** The checkpoint, or why the file did not decode. */
export type DecodeReply =
  | { id: number; checkpoint: Checkpoint }
  | {
      id: number;
      /** a `CheckpointDecodeError`'s fields, or (`reason` only) any other error's message */
      error: { decode: boolean; reason: string; offset?: number; source?: string };
    };

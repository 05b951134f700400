/** The messages between `DecodePool` and its threads (`worker.ts`). */
import type { Checkpoint, DecodeOptions, StoreFormat } from "@verity/checkpoints";
import type { PipelineSpec } from "../pipelines/options.ts";
import type { ProcessedCheckpoint } from "../pipelines/processor.ts";

/**
 * A file to decode, as `decodeStoreFile` takes it: its bytes (transferred, not copied), or its
 * path, for the thread to read; and the pipelines to run on the checkpoint there, if any.
 */
export interface DecodeRequest {
  id: number;
  format: StoreFormat;
  bytes: Uint8Array | { path: string };
  sequenceNumber: bigint;
  source: string;
  options: DecodeOptions;
  pipelines?: readonly PipelineSpec[];
}

/**
 * The checkpoint (without its transactions when `pipelines` ran: their outputs, in the order
 * asked, and how many events the transactions held come instead), or why the file did not
 * decode.
 */
export type DecodeReply =
  | {
      id: number;
      checkpoint: Checkpoint;
      processed?: { outputs: ProcessedCheckpoint[]; events: number };
    }
  | {
      id: number;
      /** a `CheckpointDecodeError`'s fields, or (`reason` only) any other error's message */
      error: { decode: boolean; reason: string; offset?: number; source?: string };
    };

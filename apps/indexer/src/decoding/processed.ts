/**
 * Checkpoints whose pipelines ran on a decoding thread (`DecodePool` with pipelines): their
 * outputs, kept beside the checkpoint (which no longer holds its transactions) until the
 * indexer takes them.
 */
import type { Checkpoint } from "@verity/checkpoints";
import type { ProcessedCheckpoint, Processor } from "../pipelines/processor.ts";
import { specKey } from "../pipelines/spec.ts";

/** What the pipelines made of a checkpoint on a decoding thread. */
export interface ProcessedOnThread {
  /** each pipeline's output, by `specKey` of its spec */
  outputs: Map<string, ProcessedCheckpoint>;
  /** events the checkpoint's transactions held (those the source kept) */
  events: number;
}

const processed = new WeakMap<Checkpoint, ProcessedOnThread>();

/** Records what the pipelines made of `checkpoint` on a decoding thread. */
export function recordProcessed(checkpoint: Checkpoint, outputs: ProcessedOnThread): void {
  processed.set(checkpoint, outputs);
}

/**
 * `processor`'s output for `checkpoint`: the one made on a decoding thread by a processor of
 * the same spec, else `processor.process(checkpoint)` here.
 *
 * @throws Error when the checkpoint's transactions were processed on a decoding thread for
 *   other pipelines only (they are not here to process any more)
 */
export function processedBy(processor: Processor, checkpoint: Checkpoint): ProcessedCheckpoint {
  const onThread = processed.get(checkpoint);
  if (!onThread) return processor.process(checkpoint);
  const output = processor.spec && onThread.outputs.get(specKey(processor.spec));
  if (!output)
    throw new Error(
      `checkpoint ${checkpoint.sequenceNumber} was processed where it was decoded, not for the ${processor.name} pipeline as it runs here: give the source the same processors as the indexer`,
    );
  return output;
}

/** Events of `checkpoint`'s transactions, counted where it was decoded if it was processed there. */
export function eventCount(checkpoint: Checkpoint): number {
  return (
    processed.get(checkpoint)?.events ??
    checkpoint.transactions.reduce((n, t) => n + t.events.length, 0)
  );
}

/**
 * A pipeline's processor as data: what a decoding thread needs to build the same processor
 * and run it where the checkpoint is decoded (`decoding/worker.ts`).
 */
import type { PipelineSpec } from "./options.ts";
import type { Processor } from "./processor.ts";
import { provenanceProcessor } from "./provenance/processor.ts";
import { walrusProcessor } from "./walrus/processor.ts";

/** The processor `spec` describes (a new one, equal to the one it came from). */
export function processorOf(spec: PipelineSpec): Processor {
  return spec.pipeline === "provenance"
    ? provenanceProcessor(spec.options)
    : walrusProcessor(spec.options);
}

/** A key equal for equal specs: the options' JSON, keys sorted as the processors list them. */
export const specKey = (spec: PipelineSpec): string => JSON.stringify(spec);

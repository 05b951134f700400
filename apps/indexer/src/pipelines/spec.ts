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

/** Keys worked out so far, by spec object: the main thread asks for its specs' per checkpoint. */
const keys = new WeakMap<PipelineSpec, string>();

/**
 * A key equal for equal specs: the options' JSON, keys sorted as the processors list them
 * (worked out once per spec object).
 */
export function specKey(spec: PipelineSpec): string {
  const known = keys.get(spec);
  if (known !== undefined) return known;
  const key = JSON.stringify(spec);
  keys.set(spec, key);
  return key;
}

/**
 * What the pipelines' processors are made from: plain data, so a decoding thread can make the
 * same processors (`spec.ts`).
 */

/** Configuration of the provenance pipeline. */
export interface ProvenanceOptions {
  /** Network name the rows are tagged with (`mainnet`, `testnet`, ...). */
  network: string;
  /**
   * Ids of the `verity` package on that network (0x + 64 hex; the original id, which event
   * types keep across upgrades), from the deploy config.
   */
  packageIds: string[];
}

/** Configuration of the walrus pipeline. */
export interface WalrusOptions {
  /** Network name the rows are tagged with. */
  network: string;
  /** The Walrus package whose `events` module defines the system events (0x + 64 hex). */
  packageId: string;
}

/** Which pipeline, and the options its processor was made with. */
export type PipelineSpec =
  | { pipeline: "provenance"; options: ProvenanceOptions }
  | { pipeline: "walrus"; options: WalrusOptions };

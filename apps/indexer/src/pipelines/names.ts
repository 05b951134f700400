/** The pipelines the indexer knows, by name. */
export const PIPELINES = ["provenance", "walrus"] as const;

/** A pipeline name. */
export type PipelineName = (typeof PIPELINES)[number];

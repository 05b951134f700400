/** The whole schema, grouped by domain. */
export * from "./indexer.ts";
export * from "./provenance.ts";
export * from "./walrus.ts";

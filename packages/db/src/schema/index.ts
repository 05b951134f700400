/** The whole schema, grouped by domain. */
export * from "./committees.ts";
export * from "./impact.ts";
export * from "./indexer.ts";
export * from "./nodes.ts";
export * from "./proofs.ts";
export * from "./provenance.ts";
export type * from "./terms.ts";
export * from "./walrus.ts";

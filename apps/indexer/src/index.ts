export { databaseCommittees } from "./certificates/db-committees.ts";
export { mclBls } from "./certificates/mcl.ts";
export {
  CertificateVerifier,
  CheckpointVerificationError,
  type CommitteeStore,
} from "./certificates/verifier.ts";
export type { CheckpointVerifier } from "./checkpoint-verifier.ts";
export { databaseStore } from "./db-store.ts";
export { DecodePool, sharedDecodePool } from "./decoding/pool.ts";
export { indexCheckpoints } from "./index-checkpoints.ts";
export { type IndexerOptions, type IndexerResult, runIndexer } from "./indexer.ts";
export { PIPELINES, type PipelineName } from "./pipelines/names.ts";
export { appendRows, type Processor, type Rows } from "./pipelines/processor.ts";
export { provenanceProcessor } from "./pipelines/provenance/processor.ts";
export { walrusProcessor } from "./pipelines/walrus/processor.ts";
export { type IndexRun, indexCommand, type PreparedIndex, prepareIndex } from "./run.ts";
export { type ChosenNetwork, type SourceChoice, sourceFor } from "./source-for.ts";
export { GrpcCheckpointSource, type GrpcCheckpointSourceOptions } from "./sources/grpc/source.ts";
export type { Store } from "./store.ts";

export type {
  Checkpoint,
  CheckpointEvent,
  CheckpointSource,
  CheckpointTransaction,
  SourceRetry,
} from "./checkpoint.ts";
export { databaseStore } from "./db-store.ts";
export { type IndexerOptions, type IndexerResult, runIndexer } from "./indexer.ts";
export { PIPELINES, type PipelineName } from "./pipelines/config.ts";
export { appendRows, type Processor, type Rows } from "./pipelines/processor.ts";
export { provenanceProcessor } from "./pipelines/provenance/processor.ts";
export { walrusProcessor } from "./pipelines/walrus/processor.ts";
export { type IndexRun, indexCommand, type PreparedIndex, prepareIndex } from "./run.ts";
export type { ChosenNetwork, SourceChoice } from "./source-for.ts";
export { GrpcCheckpointSource, type GrpcCheckpointSourceOptions } from "./sources/grpc/source.ts";
export {
  type DecodeOptions,
  decodeCheckpointData,
  decodeCheckpointFile,
} from "./sources/store/decode.ts";
export { suiDigest } from "./sources/store/digest.ts";
export {
  DEFAULT_DIRECTORY_CONCURRENCY,
  DirectoryCheckpointSource,
  type DirectoryCheckpointSourceOptions,
} from "./sources/store/directory.ts";
export { type CheckpointDataInput, encodeCheckpointFile } from "./sources/store/encode.ts";
export { CheckpointDecodeError } from "./sources/store/error.ts";
export {
  HTTP_SOURCE_DEFAULTS,
  HttpCheckpointSource,
  type HttpCheckpointSourceOptions,
} from "./sources/store/http.ts";
export {
  CheckpointContents,
  CheckpointData,
  CheckpointSummary,
  TransactionData,
  TransactionEffects,
  TransactionEvents,
} from "./sources/store/layouts/checkpoint.ts";
export { checkpointFromData } from "./sources/store/normalize.ts";
export type { Store } from "./store.ts";

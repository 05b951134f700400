export type {
  Checkpoint,
  CheckpointEvent,
  CheckpointSource,
  CheckpointTransaction,
} from "./checkpoint.ts";
export { PIPELINES, type PipelineName } from "./pipelines/config.ts";
export { type IndexRun, indexCommand } from "./run.ts";
export { decodeCheckpointData, decodeCheckpointFile } from "./sources/store/decode.ts";
export {
  DEFAULT_DIRECTORY_CONCURRENCY,
  DirectoryCheckpointSource,
  type DirectoryCheckpointSourceOptions,
} from "./sources/store/directory.ts";
export { CheckpointDecodeError } from "./sources/store/error.ts";
export {
  HTTP_SOURCE_DEFAULTS,
  HttpCheckpointSource,
  type HttpCheckpointSourceOptions,
  type HttpRetry,
} from "./sources/store/http.ts";
export type { CheckpointData } from "./sources/store/layouts/checkpoint.ts";
export { checkpointFromData } from "./sources/store/normalize.ts";

export type { Checkpoint, CheckpointEvent, CheckpointSource, CheckpointTransaction } from "./checkpoint.ts";

import { existsSync, statSync } from "node:fs";
import { resolveNetwork } from "@verity/move-tools";
import type { CheckpointSource } from "./checkpoint.ts";
import { GrpcCheckpointSource } from "./sources/grpc/source.ts";
import { DirectoryCheckpointSource } from "./sources/store/directory.ts";
import { HttpCheckpointSource } from "./sources/store/http.ts";

/** Where to read checkpoints from, as the command line says it. */
export interface SourceChoice {
  /** Network name or full-node URL; picks the default full node. */
  network: string;
  /** A full node's gRPC URL, overriding the network's. */
  grpc?: string;
  /** A checkpoint store instead of a full node: a local directory or an http(s):// base URL. */
  checkpoints?: string;
}

/**
 * The checkpoint source for a choice: a checkpoint-store directory or URL when `checkpoints` is
 * given, else the full node at `grpc` or the network's default full node.
 *
 * @throws Error when both `grpc` and `checkpoints` are given, when `checkpoints` is neither an
 *   existing directory nor an http(s) URL, or when the network is unknown
 */
export function sourceFor({ network, grpc, checkpoints }: SourceChoice): CheckpointSource {
  if (grpc && checkpoints) throw new Error("give either --grpc or --checkpoints, not both");
  if (checkpoints) {
    if (/^https?:\/\//.test(checkpoints)) return new HttpCheckpointSource(checkpoints);
    if (existsSync(checkpoints) && statSync(checkpoints).isDirectory())
      return new DirectoryCheckpointSource(checkpoints);
    throw new Error(
      `--checkpoints ${checkpoints}: not a directory, nor an http(s):// checkpoint store URL`,
    );
  }
  return new GrpcCheckpointSource({ url: grpc ?? resolveNetwork(network).url });
}

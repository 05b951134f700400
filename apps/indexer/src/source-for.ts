import { existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type {
  CheckpointSource,
  SourceRetry,
  StoreFileDecoder,
  StoreFormat,
  StorePathDecoder,
} from "@verity/checkpoints";
import { DirectoryCheckpointSource, HttpCheckpointSource } from "@verity/checkpoints";
import { NETWORK_NAMES, resolveNetwork } from "@verity/sdk";
import { sharedDecodePool } from "./decoding/pool.ts";
import type { Processor } from "./pipelines/processor.ts";
import { GrpcCheckpointSource } from "./sources/grpc/source.ts";

/** Where to read checkpoints from, as the command line says it. */
export interface SourceChoice {
  /**
   * Network name or full-node URL; picks the default full node and the pipelines' package ids.
   * Default: see {@link networkOf}.
   */
  network?: string;
  /** A full node's gRPC URL, overriding the network's. */
  grpc?: string;
  /** A checkpoint store instead of a full node: a local directory or an http(s):// base URL. */
  checkpoints?: string;
  /**
   * The checkpoint store's files to read, `<seq>.binpb.zst` or `<seq>.chk`, and only those.
   * Default: whichever the store holds (`DirectoryCheckpointSource`, `HttpCheckpointSource`).
   */
  checkpointFormat?: StoreFormat;
  /**
   * Check that each checkpoint's transactions and events are those its summary commits to: a
   * store file's digests (`DecodeOptions.verifyDigests`; roughly doubles decoding time), a full
   * node's fields against their BCS (`GrpcCheckpointSourceOptions.verifyDigests`). Default false.
   */
  verifyDigests?: boolean;
}

/** How `sourceFor` builds the source, beyond what the command line chose. */
export interface SourceForOptions {
  /** Hears of every transient failure the source retries (an unreachable node or store). */
  onRetry?: (retry: SourceRetry) => void;
  /**
   * The pipelines the checkpoints are for. A checkpoint store's files then keep only the
   * transactions with an event of their `eventPackages` (`DecodeOptions.eventPackages`), and
   * when every processor has a `spec`, the processors run on the decoding threads too: only
   * their outputs cross to this thread (`processedBy`), so give `runIndexer` the same
   * processors. A full node's checkpoints keep every transaction. Default: none (every
   * transaction kept, nothing processed).
   */
  processors?: readonly Processor[];
}

/** The network a run indexes, and what said so. */
export interface ChosenNetwork {
  /** `mainnet`, `testnet`, `devnet`, `localnet` or a full-node URL. */
  name: string;
  /** `--network`, `the checkpoint store's name`, or `the default`. */
  from: string;
}

/** Sui's public checkpoint stores: `https://checkpoints.<network>.sui.io`. */
const PUBLIC_STORE = /^https?:\/\/checkpoints\.([a-z]+)\.sui\.io(?::\d+)?\/?$/i;

/**
 * The network of a choice: `network` when given; else the one a checkpoint store is named
 * after (Sui's public store `https://checkpoints.testnet.sui.io`, or a directory called
 * `testnet`, as in `sui-checkpoints/testnet`); else `mainnet`.
 *
 * @throws Error naming the accepted values when `network` is neither a known name nor an
 *   http(s):// URL
 */
export function networkOf({ network, checkpoints }: SourceChoice): ChosenNetwork {
  if (network !== undefined) return { name: resolveNetwork(network).name, from: "--network" };
  const named = !checkpoints
    ? undefined
    : /^https?:\/\//.test(checkpoints)
      ? PUBLIC_STORE.exec(checkpoints)?.[1]?.toLowerCase()
      : basename(resolve(checkpoints));
  if (named && (NETWORK_NAMES as string[]).includes(named))
    return { name: named, from: "the checkpoint store's name" };
  return { name: "mainnet", from: "the default" };
}

/**
 * The checkpoint source for a choice: a checkpoint-store directory or URL when `checkpoints` is
 * given (its files decoded, and with `options.processors` processed, on the process's
 * `DecodePool` threads), else the full node at `grpc` or the network's default full
 * node.
 *
 * @throws Error with one line when both `grpc` and `checkpoints` are given, when
 *   `checkpointFormat` is given without `checkpoints`, when `checkpoints` is neither an existing
 *   directory nor an http(s) URL, when `grpc` is not an http(s) URL, or when the network is
 *   unknown
 */
export function sourceFor(choice: SourceChoice, options: SourceForOptions = {}): CheckpointSource {
  const { grpc, checkpoints, checkpointFormat: format, verifyDigests } = choice;
  const { onRetry, processors } = options;
  const eventPackages = processors?.flatMap((p) => p.eventPackages);
  const specs = processors?.every((p) => p.spec) ? processors.map((p) => p.spec!) : undefined;
  const decodeFile = (...args: Parameters<StoreFileDecoder>) =>
    sharedDecodePool().decode(...args, specs);
  const decodePath = (...args: Parameters<StorePathDecoder>) =>
    sharedDecodePool().decodePath(...args, specs);
  if (grpc && checkpoints) throw new Error("give either --grpc or --checkpoints, not both");
  if (format && !checkpoints)
    throw new Error(`--checkpoint-format ${format}: give it with --checkpoints`);
  if (checkpoints) {
    if (/^https?:\/\//.test(checkpoints)) {
      if (!URL.canParse(checkpoints)) throw new Error(`--checkpoints ${checkpoints}: not a URL`);
      return new HttpCheckpointSource(checkpoints, {
        onRetry,
        verifyDigests,
        eventPackages,
        format,
        decodeFile,
      });
    }
    if (existsSync(checkpoints) && statSync(checkpoints).isDirectory())
      return new DirectoryCheckpointSource(checkpoints, {
        verifyDigests,
        eventPackages,
        format,
        decodePath,
      });
    throw new Error(
      `--checkpoints ${checkpoints}: not a directory, nor an http(s):// checkpoint store URL`,
    );
  }
  if (grpc !== undefined && !(/^https?:\/\//.test(grpc) && URL.canParse(grpc)))
    throw new Error(`--grpc ${grpc}: not an http(s):// full-node URL`);
  const url = grpc ?? resolveNetwork(networkOf(choice).name).url;
  return new GrpcCheckpointSource({ url, onRetry, verifyDigests });
}

/**
 * Command-line options several commands share, each defined once: the database (`index`,
 * `serve`, `start`, `verify`), the HTTP listener (`serve`, `start`), and the indexer's source and
 * pipelines (`index`, `start`).
 */
import { STORE_FORMATS } from "@verity/checkpoints";
import type { IndexRun } from "@verity/indexer";
import { PIPELINES, type PipelineName } from "@verity/indexer/pipelines";
import { type Command, InvalidArgumentError, Option } from "commander";

/** Parses a checkpoint sequence number. */
function sequenceNumber(value: string): bigint {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a checkpoint sequence number");
  return BigInt(value);
}

/** Parses `provenance,walrus`. */
function pipelineList(value: string): PipelineName[] {
  const names = value.split(",").map((s) => s.trim());
  const unknown = names.filter((n) => !(PIPELINES as readonly string[]).includes(n));
  if (unknown.length)
    throw new InvalidArgumentError(
      `unknown pipeline ${unknown.join(", ")} (known: ${PIPELINES.join(", ")})`,
    );
  return names as PipelineName[];
}

/** Parses a positive whole number of checkpoints. */
function checkpointCount(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a positive whole number");
  return Number(value);
}

/** Parses a TCP port, 0-65535 (0: any free port). */
function tcpPort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new InvalidArgumentError("expected a TCP port (0-65535)");
  return n;
}

/** What {@link withDatabaseOptions} parses. */
export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
}

/** `--database-url <url>` or `--data-dir <dir>` (not both). */
export function withDatabaseOptions(command: Command): Command {
  return command
    .option(
      "--database-url <url>",
      "PostgreSQL URL (default: $DATABASE_URL, else the embedded PGlite database)",
    )
    .addOption(
      new Option("--data-dir <dir>", "PGlite data directory (default .verity/pglite)").conflicts(
        "databaseUrl",
      ),
    );
}

/** What {@link withListenOptions} parses. */
export interface ListenOptions {
  port: number;
  host: string;
  /** Whether lineage reads the graph held in memory (`followGraph`); false: `--no-memory-graph`. */
  memoryGraph: boolean;
}

/**
 * `--port <port>` (default 3000), `--host <host>` (default 127.0.0.1) and `--no-memory-graph`
 * (lineage reads SQL instead of holding the edges in memory; its cost: README, Measurements).
 */
export function withListenOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--port <port>", "TCP port (0: any free one)").argParser(tcpPort).default(3000),
    )
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option(
      "--no-memory-graph",
      "walk lineage with SQL instead of holding the edges in memory (about 80 bytes per edge)",
    );
}

/** What {@link withIndexOptions} parses, as commander names it. */
export type IndexOptions = Omit<IndexRun, "packageIds" | "signal" | "logger" | "tty"> & {
  packageId?: string[];
};

/**
 * The indexer's options: the source (`--network`, `--grpc`, `--checkpoints` and
 * `--checkpoint-format`, first and last checkpoint), the pipelines (`--pipelines`, `--package-id`, `--config`), `--batch-size`,
 * `--metrics-port`, and certificate verification (`--verify-certificates`, `--committee`, which
 * implies it). Database options are separate ({@link withDatabaseOptions}).
 */
export function withIndexOptions(command: Command): Command {
  return command
    .option(
      "--network <name|url>",
      "mainnet, testnet, devnet, localnet, or a full-node URL: picks package ids and the default full node (default: the network a checkpoint store is named after, else mainnet)",
    )
    .option("--grpc <url>", "full node gRPC URL (default: the network's public full node)")
    .option(
      "--checkpoints <dir|url>",
      "read a checkpoint store instead: a directory of <seq>.binpb.zst (or deprecated <seq>.chk) files, or an http(s) base URL",
    )
    .addOption(
      new Option(
        "--checkpoint-format <format>",
        "read only the store's files of this format (default: whichever it holds, .binpb.zst first)",
      ).choices(STORE_FORMATS),
    )
    .addOption(
      new Option(
        "--first-checkpoint <n>",
        "where a pipeline without a watermark starts (default: 0 for a directory, the tip for a full node)",
      ).argParser(sequenceNumber),
    )
    .addOption(
      new Option("--last-checkpoint <n>", "stop after this checkpoint").argParser(sequenceNumber),
    )
    .addOption(
      new Option(
        "--pipelines <list>",
        `comma-separated: ${PIPELINES.join(",")} (default: all that can run)`,
      ).argParser(pipelineList),
    )
    .option("--package-id <id...>", "verity package id(s), overriding the deploy config")
    .option("--config <file>", "deploy config (default: $VERITY_CONFIG, else verity.config.json)")
    .addOption(
      new Option(
        "--batch-size <checkpoints>",
        "checkpoints committed together per pipeline, at most (default 1000)",
      ).argParser(checkpointCount),
    )
    .addOption(
      new Option(
        "--metrics-port <port>",
        "serve Prometheus metrics on 127.0.0.1:<port>/metrics",
      ).argParser(tcpPort),
    )
    .option(
      "--verify-certificates",
      "verify every checkpoint's certificate (a quorum of its epoch's committee signed it) before committing anything of it; the committee chain is kept in the database",
    )
    .addOption(
      new Option(
        "--committee <source>",
        "trust anchor of --verify-certificates (implies it): a committee file (BCS { epoch, members: [{ public_key, stake }] }), or a checkpoint whose end-of-epoch data names the next epoch's committee; not needed once the database holds the committee of the epoch indexed",
      ).implies({ verifyCertificates: true }),
    );
}

/** The indexer's run from parsed {@link withIndexOptions} (and database) options. */
export function indexRunOf({ packageId, ...options }: IndexOptions): IndexRun {
  return { ...options, packageIds: packageId };
}

import { indexCommand, PIPELINES, type PipelineName } from "@verity/indexer";
import { Command, InvalidArgumentError, Option } from "commander";

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

/** `verity index`: stream Sui checkpoints into the database, exactly once. */
export function indexCommandDefinition(): Command {
  return new Command("index")
    .description(
      "Stream Sui checkpoints (full node over gRPC, or a checkpoint store) into the database; resumes at each pipeline's watermark + 1",
    )
    .option(
      "--network <name|url>",
      "mainnet, testnet, devnet, localnet, or a full-node URL: picks package ids and the default full node",
      "mainnet",
    )
    .option("--grpc <url>", "full node gRPC URL (default: the network's public full node)")
    .option(
      "--checkpoints <dir|url>",
      "read a checkpoint store instead: a directory of <seq>.chk files, or an http(s) base URL",
    )
    .addOption(
      new Option(
        "--first-checkpoint <n>",
        "where a pipeline without a watermark starts (default 0 for a directory)",
      ).argParser(sequenceNumber),
    )
    .addOption(
      new Option("--last-checkpoint <n>", "stop after this checkpoint").argParser(sequenceNumber),
    )
    .option(
      "--database-url <url>",
      "PostgreSQL URL (default: $DATABASE_URL, else the embedded PGlite database)",
    )
    .option("--data-dir <dir>", "PGlite data directory (default .verity/pglite)")
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
        "checkpoints committed together per pipeline (default 100)",
      ).argParser(Number),
    )
    .addOption(
      new Option(
        "--metrics-port <port>",
        "serve Prometheus metrics on 127.0.0.1:<port>/metrics",
      ).argParser(Number),
    )
    .action(async (options) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        const watermarks = await indexCommand({
          ...options,
          packageIds: options.packageId,
          signal: controller.signal,
          tty: process.stderr.isTTY ? process.stderr : undefined,
        });
        for (const [pipeline, watermark] of watermarks) {
          console.log(`${pipeline}: watermark ${watermark ?? "none"}`);
        }
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}

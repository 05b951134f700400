import type { Server } from "node:http";
import { openDatabase } from "@verity/db";
import { deployConfigPath, readDeployConfig } from "@verity/sdk/deploy-config";
import pino, { type Logger } from "pino";
import { databaseStore } from "./db-store.ts";
import { type IndexerResult, runIndexer } from "./indexer.ts";
import { indexerMetrics } from "./metrics.ts";
import { serveMetrics } from "./metrics-server.ts";
import { type PipelineName, resolvePipelines } from "./pipelines/config.ts";
import { startProgress } from "./progress.ts";
import { type SourceChoice, sourceFor } from "./source-for.ts";

/** Everything `verity index` takes; see its help for the defaults. */
export interface IndexRun extends SourceChoice {
  /** Where a pipeline without a watermark starts. Default: 0 for a directory, else required. */
  firstCheckpoint?: bigint;
  lastCheckpoint?: bigint;
  /** PostgreSQL URL; default `DATABASE_URL`, else embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory (default `.verity/pglite`). */
  dataDir?: string;
  pipelines?: PipelineName[];
  /** `verity` package ids, overriding the deploy config's. */
  packageIds?: string[];
  /** Deploy config file (default `VERITY_CONFIG`, else `verity.config.json`). */
  config?: string;
  /** Checkpoints per commit and pipeline (default: the runner's, 100). */
  batchSize?: number;
  /** Serve Prometheus metrics on this port; undefined: don't. */
  metricsPort?: number;
  signal?: AbortSignal;
  logger?: Logger;
  /** Show a status line here (a TTY); otherwise log progress. */
  tty?: NodeJS.WriteStream;
}

/**
 * Runs the indexer as `verity index` does: opens (and migrates) the database, resolves the
 * pipelines for the network, streams from the chosen source until it ends, `lastCheckpoint`,
 * or `signal`; shows progress; serves metrics if asked. Returns each pipeline's watermark.
 *
 * @throws Error with one clear line for a bad source, an unreachable database, no runnable
 *   pipeline, a missing `firstCheckpoint` where one is required, or a corrupt checkpoint
 */
export async function indexCommand(run: IndexRun): Promise<IndexerResult> {
  const logger = run.logger ?? pino({ level: "info" }, pino.destination(2));
  const source = sourceFor(run);
  const { processors, skipped } = resolvePipelines({
    network: run.network,
    pipelines: run.pipelines,
    packageIds: run.packageIds,
    deployConfig: readDeployConfig(run.config ?? deployConfigPath()),
  });
  for (const line of skipped) logger.warn(line);
  const database = await openDatabase({ url: run.databaseUrl, dataDir: run.dataDir });
  const metrics = indexerMetrics();
  let server: Server | undefined;
  try {
    if (run.metricsPort !== undefined)
      server = await serveMetrics(metrics.registry, run.metricsPort);
    logger.info(
      {
        source: source.description,
        database: database.location,
        pipelines: processors.map((p) => p.name),
      },
      "indexing",
    );
    const progress = startProgress({ metrics, logger, tty: run.tty });
    try {
      return await runIndexer({
        source,
        store: databaseStore(database.db),
        processors,
        firstCheckpoint: firstCheckpointFor(run),
        lastCheckpoint: run.lastCheckpoint,
        batchCheckpoints: run.batchSize,
        metrics,
        signal: run.signal,
      });
    } finally {
      await progress.stop();
    }
  } finally {
    server?.close();
    await database.close();
  }
}

/** `--first-checkpoint`, else 0 for a local directory (sparse files are fine), else none. */
function firstCheckpointFor(run: IndexRun): bigint | undefined {
  if (run.firstCheckpoint !== undefined) return run.firstCheckpoint;
  if (run.checkpoints && !/^https?:\/\//.test(run.checkpoints)) return 0n;
  return undefined;
}

import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { anchorCommittee, type CheckpointSource, type Committee } from "@verity/checkpoints";
import { type Database, openDatabase } from "@verity/db";
import { deployConfigPath, readDeployConfig } from "@verity/sdk/deploy-config";
import pino, { type Logger } from "pino";
import { databaseCommittees } from "./certificates/db-committees.ts";
import { CertificateVerifier } from "./certificates/verifier.ts";
import { databaseStore } from "./db-store.ts";
import { type IndexerResult, runIndexer } from "./indexer.ts";
import { indexerMetrics } from "./metrics.ts";
import { serveMetrics } from "./metrics-server.ts";
import { resolvePipelines } from "./pipelines/config.ts";
import type { PipelineName } from "./pipelines/names.ts";
import type { Processor } from "./pipelines/processor.ts";
import { startProgress } from "./progress.ts";
import { type ChosenNetwork, networkOf, type SourceChoice, sourceFor } from "./source-for.ts";

/** Everything `verity index` takes; see its help for the defaults. */
export interface IndexRun extends SourceChoice {
  /**
   * Where a pipeline without a watermark starts. Default: 0 for a directory, the chain tip for
   * a full node, else required.
   */
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
  /** Checkpoints per commit and pipeline, at most (default: the runner's, 1000). */
  batchSize?: number;
  /**
   * Verify every checkpoint's certificate (a quorum of its epoch's committee signed its summary)
   * before committing anything of it, on a second thread; the source then also checks each
   * checkpoint's digests (`verifyDigests`), tying its transactions and events to the certified
   * summary. The committee chain is kept in the database. Default false.
   */
  verifyCertificates?: boolean;
  /**
   * The trust anchor of `verifyCertificates` (which it needs): a committee file (BCS `{ epoch,
   * members }`), or a checkpoint or certified summary whose end-of-epoch data names the next
   * epoch's committee. Not needed once the database holds the committee of the epoch indexed.
   */
  committee?: string;
  /** Serve Prometheus metrics on this port; undefined: don't. */
  metricsPort?: number;
  signal?: AbortSignal;
  logger?: Logger;
  /** Show a status line here (a TTY); otherwise log progress. */
  tty?: NodeJS.WriteStream;
}

/** An index run with its options checked and resolved, before anything is opened. */
export interface PreparedIndex {
  /** The network indexed, and what chose it. */
  readonly network: ChosenNetwork;
  /** Where checkpoints come from. */
  readonly source: CheckpointSource;
  /** The pipelines that will run. */
  readonly pipelines: string[];
  /** Whether certificates are verified, and the trust anchor's committee, if one was given. */
  readonly certificates: { verify: boolean; anchor?: Committee };
  /** Where the run logs (`IndexRun.logger`, else JSON lines on stderr). */
  readonly logger: Logger;
  /**
   * Streams checkpoints into `database` (open and migrated; left open) until the source ends
   * (a directory is exhausted), `lastCheckpoint`, or `signal` aborts (the commit in flight
   * finishes first); shows progress and serves metrics meanwhile. Returns each pipeline's
   * watermark.
   *
   * @throws Error with one clear line for a missing `firstCheckpoint` where one is required,
   *   or a corrupt checkpoint (after committing the whole batches before it); a
   *   `CheckpointVerificationError` naming the checkpoint and the check that refused it (after
   *   committing the whole batches before it, none holding it); the abort reason when `signal`
   *   aborts while the chain tip is still being asked for
   */
  into(database: Database): Promise<IndexerResult>;
}

/**
 * Checks and resolves an index run: the network, the checkpoint source (whose retries are
 * logged as warnings), the pipelines for the network (a line is logged for each pipeline that
 * cannot run), and the trust anchor's committee (read now). Opens nothing.
 *
 * @throws Error with one clear line for a bad source or URL, an unknown network, no runnable
 *   pipeline, a `committee` without `verifyCertificates`, or a committee file that is missing
 *   or names no committee
 */
export function prepareIndex(run: IndexRun): PreparedIndex {
  const logger = run.logger ?? pino({ level: "info" }, pino.destination(2));
  const network = networkOf(run);
  const certificates = certificatesOf(run);
  const verifyDigests = run.verifyDigests || certificates.verify;
  const { processors, skipped } = resolvePipelines({
    network: network.name,
    pipelines: run.pipelines,
    packageIds: run.packageIds,
    deployConfig: readDeployConfig(run.config ?? deployConfigPath()),
  });
  const source = sourceFor(
    { ...run, verifyDigests },
    {
      onRetry: ({ url, attempt, delayMs, error }) =>
        logger.warn(
          { url, attempt, delayMs: Math.round(delayMs) },
          `${error instanceof Error ? error.message : String(error)}; retrying in ${(delayMs / 1000).toFixed(1)} s`,
        ),
      processors,
    },
  );
  for (const line of skipped) logger.warn(line);
  return {
    network,
    source,
    pipelines: processors.map((p) => p.name),
    certificates,
    logger,
    into: (database) =>
      indexInto(database, { run, logger, network, source, processors, certificates }),
  };
}

/**
 * Whether `run` verifies certificates, and the committee its anchor names.
 *
 * @throws Error with one line for a `committee` without `verifyCertificates`, or a committee
 *   file that is missing or names no committee
 */
function certificatesOf(run: IndexRun): PreparedIndex["certificates"] {
  const verify = run.verifyCertificates ?? false;
  if (run.committee === undefined) return { verify };
  if (!verify)
    throw new Error("--committee is the trust anchor of --verify-certificates: give both");
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(run.committee);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(
      `--committee ${run.committee}: ${code === "ENOENT" ? "no such file" : message}`,
    );
  }
  try {
    return { verify, anchor: anchorCommittee(bytes, run.committee) };
  } catch (error) {
    const { message } = error as Error;
    throw new Error(
      `--committee ${message.startsWith(`${run.committee}: `) ? message : `${run.committee}: ${message}`}`,
    );
  }
}

/**
 * Runs the indexer as `verity index` does: {@link prepareIndex}, opens (and migrates) the
 * database, streams into it (see `PreparedIndex.into`), closes it. Returns each pipeline's
 * watermark.
 *
 * @throws Error with one clear line for a bad source, an unreachable database, no runnable
 *   pipeline, a missing `firstCheckpoint` where one is required, or a corrupt checkpoint
 */
export async function indexCommand(run: IndexRun): Promise<IndexerResult> {
  const prepared = prepareIndex(run);
  const database = await openDatabase({ url: run.databaseUrl, dataDir: run.dataDir });
  try {
    return await prepared.into(database);
  } finally {
    await database.close();
  }
}

/** What `PreparedIndex.into` works with. */
interface Resolved {
  run: IndexRun;
  logger: Logger;
  network: ChosenNetwork;
  source: CheckpointSource;
  processors: Processor[];
  certificates: PreparedIndex["certificates"];
}

async function indexInto(
  database: Database,
  { run, logger, network, source, processors, certificates }: Resolved,
): Promise<IndexerResult> {
  const metrics = indexerMetrics();
  const store = databaseStore(database.db);
  let server: Server | undefined;
  try {
    if (run.metricsPort !== undefined)
      server = await serveMetrics(metrics.registry, run.metricsPort);
    logger.info(
      {
        network: network.name,
        networkFrom: network.from,
        source: source.description,
        database: database.location,
        pipelines: processors.map((p) => p.name),
        verifyCertificates: certificates.verify,
        ...(certificates.anchor && { anchorEpoch: Number(certificates.anchor.epoch) }),
      },
      "indexing",
    );
    const watermarks: IndexerResult = new Map();
    for (const p of processors) watermarks.set(p.name, await store.readWatermark(p.name));
    let firstCheckpoint: bigint | undefined;
    try {
      firstCheckpoint = await firstCheckpointFor(run, source, watermarks, logger);
    } catch (error) {
      if (run.signal?.aborted) return watermarks; // stopped while asking for the tip
      throw error;
    }
    const verifier = certificates.verify
      ? await CertificateVerifier.start({
          store: databaseCommittees(database.db, network.name),
          anchor: certificates.anchor,
        })
      : undefined;
    const progress = startProgress({ metrics, logger, tty: run.tty });
    try {
      return await runIndexer({
        source,
        store,
        processors,
        firstCheckpoint,
        lastCheckpoint: run.lastCheckpoint,
        batchCheckpoints: run.batchSize,
        verifier,
        metrics,
        signal: run.signal,
      });
    } finally {
      await progress.stop();
      await verifier?.close();
    }
  } finally {
    server?.close();
  }
}

/**
 * `--first-checkpoint`; else 0 for a local directory (sparse files are fine); else, when a
 * pipeline has no watermark yet and the source has a tip (a full node), the tip, said in the
 * log; else none.
 */
async function firstCheckpointFor(
  run: IndexRun,
  source: CheckpointSource,
  watermarks: IndexerResult,
  logger: Logger,
): Promise<bigint | undefined> {
  if (run.firstCheckpoint !== undefined) return run.firstCheckpoint;
  if (run.checkpoints && !/^https?:\/\//.test(run.checkpoints)) return 0n;
  const fresh = [...watermarks].filter(([, w]) => w === undefined).map(([name]) => name);
  if (!source.latestCheckpoint || fresh.length === 0) return undefined;
  const tip = await source.latestCheckpoint(run.signal);
  logger.info(
    { checkpoint: Number(tip), pipelines: fresh },
    `no watermark yet: starting at the chain tip, checkpoint ${tip} (--first-checkpoint to start elsewhere)`,
  );
  return tip;
}

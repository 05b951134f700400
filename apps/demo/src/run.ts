import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { decodeCheckpointFile } from "@verity/checkpoints";
import { type Database, getModel, openDatabase, readWatermark } from "@verity/db";
import { prepareIndex } from "@verity/indexer";
import pino from "pino";
import { type CheckpointFile, encodeCheckpoints } from "./checkpoints.ts";
import { cleanPenguins } from "./clean.ts";
import { demoCommitteeBcs } from "./committee.ts";
import { loadPenguins } from "./dataset.ts";
import { holdOut } from "./holdout.ts";
import { evaluateModel } from "./infer.ts";
import { DEMO_PACKAGE_ID } from "./participants.ts";
import { type Artifacts, playStory, type Story } from "./story.ts";
import { trainSpeciesModel } from "./train.ts";

/**
 * Where the demo keeps its checkpoints and (by default) its database: `.verity/demo` under the
 * working directory.
 */
export const DEFAULT_DEMO_DIR = ".verity/demo";

/** What the demo writes in its directory `dir`: its checkpoints and its PGlite database. */
export function demoPaths(dir: string): { checkpoints: string; pglite: string } {
  return { checkpoints: join(dir, "checkpoints"), pglite: join(dir, "pglite") };
}

/** Sequence number of the simulated chain's first checkpoint. */
export const FIRST_CHECKPOINT = 0;

/**
 * Signed inferences the story records: one per species (each needs the blob ids of its request
 * and answer, the demo's main cost: README, Measurements). The accuracy covers every held-out
 * row whatever this is.
 */
export const RECORDED_INFERENCES = 3;

/** The label the demo's rows carry as their network: its chain runs locally. */
export const DEMO_NETWORK = "localnet";

/** Where `runDemo` writes. */
export interface DemoOptions {
  /** checkpoints go to `<dir>/checkpoints`; the default database to `<dir>/pglite` */
  dir?: string;
  /** a PostgreSQL URL to index into, instead of the demo's own PGlite database */
  databaseUrl?: string;
  /** a PGlite data directory instead of `<dir>/pglite` */
  dataDir?: string;
  /** hears one line per step, as the demo goes */
  progress?: (line: string) => void;
}

/** What the demo made: the story and its artifacts, the checkpoint files, and where it indexed. */
export interface DemoRun {
  artifacts: Artifacts;
  story: Story;
  checkpoints: CheckpointFile[];
  checkpointsDir: string;
  /** the database indexed into: `{ url }` or `{ dataDir }` */
  database: { url: string } | { dataDir: string };
  /** the database already held this demo (a re-run): nothing new was written */
  alreadyIndexed: boolean;
}

/**
 * The demo's history, made from scratch: the real dataset, its cleaning, the model trained on
 * it, the held-out rows, the evaluation and inferences, the story on the simulated chain and
 * its checkpoint files. Deterministic: every run makes the same bytes. Most of its time goes to
 * Walrus blob ids (README, Measurements); `progress` hears a line per step.
 */
export async function makeDemo(
  progress: (line: string) => void = () => {},
): Promise<Pick<DemoRun, "artifacts" | "story" | "checkpoints">> {
  progress("reading Palmer penguins from vega-datasets, computing its Walrus blob id");
  const raw = loadPenguins();
  progress("cleaning it (the transform)");
  const clean = cleanPenguins(raw.records);
  progress("training the species model");
  const trained = trainSpeciesModel(clean.rows);
  progress("setting the held-out rows apart as their own dataset");
  const heldOut = holdOut(trained.test);
  progress(`evaluating it on the held-out rows, ${RECORDED_INFERENCES} inferences to record`);
  const evaluation = evaluateModel(trained.weights.bytes, heldOut.rows, RECORDED_INFERENCES);
  progress("playing the story on the simulated chain");
  const artifacts = { raw, clean, trained, heldOut, evaluation };
  const story = await playStory(artifacts);
  return {
    artifacts,
    story,
    checkpoints: encodeCheckpoints(story.chain.executed, FIRST_CHECKPOINT),
  };
}

/** The demo committee's file, beside the checkpoints it certifies. */
export const COMMITTEE_FILE = "committee.bcs";

/**
 * Replaces the `.chk` files of `dir` with `checkpoints`, after decoding each with the indexer's
 * decoder, its digests verified (the summary's content digest, each transaction's, effects' and
 * events' digest): the files are well formed as Sui's. Writes the demo committee that certifies
 * them beside them, as `committee.bcs`.
 *
 * @throws CheckpointDecodeError when a file does not decode or its digests do not tie together
 */
async function writeCheckpoints(dir: string, checkpoints: CheckpointFile[]): Promise<void> {
  for (const c of checkpoints) {
    const decoded = decodeCheckpointFile(c.bytes, `${c.sequenceNumber}.chk`, {
      verifyDigests: true,
    });
    if (decoded.digest !== c.digest)
      throw new Error(`checkpoint ${c.sequenceNumber}: digest differs`);
  }
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) if (name.endsWith(".chk")) await rm(join(dir, name));
  for (const c of checkpoints) await writeFile(join(dir, `${c.sequenceNumber}.chk`), c.bytes);
  await writeFile(join(dir, COMMITTEE_FILE), demoCommitteeBcs());
}

/**
 * Runs the demo: makes it (`makeDemo`), writes its checkpoints to `<dir>/checkpoints` (their
 * digests verified) with the committee that certifies them (`committee.bcs`), and indexes them
 * as `verity index --checkpoints` does (`prepareIndex`, the directory source verifying their
 * digests again as it reads them) into the demo's own database, so that `verity serve` can
 * show it. A database that already holds this demo is left as it is (the indexer resumes past
 * its watermark).
 *
 * @throws Error when the database holds other indexed checkpoints (another chain, or an
 *   earlier demo that differs): the demo needs a database of its own, as watermarks are per
 *   pipeline, not per chain
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoRun> {
  const dir = options.dir ?? DEFAULT_DEMO_DIR;
  const progress = options.progress ?? (() => {});
  const demo = await makeDemo(progress);
  const paths = demoPaths(dir);
  const checkpointsDir = paths.checkpoints;
  await writeCheckpoints(checkpointsDir, demo.checkpoints);
  const target =
    options.databaseUrl !== undefined
      ? { url: options.databaseUrl }
      : { dataDir: options.dataDir ?? paths.pglite };
  const index = prepareIndex({
    network: DEMO_NETWORK,
    checkpoints: checkpointsDir,
    verifyDigests: true,
    pipelines: ["provenance"],
    packageIds: [DEMO_PACKAGE_ID],
    firstCheckpoint: BigInt(FIRST_CHECKPOINT),
    logger: pino({ level: "warn" }, pino.destination(2)),
  });
  progress(`indexing ${demo.checkpoints.length} checkpoints`);
  const database = await openDatabase(target);
  let alreadyIndexed: boolean;
  try {
    alreadyIndexed = await holdsDemo(database, demo.story.model.id);
    const watermarks = await index.into(database);
    const last = BigInt(demo.checkpoints.at(-1)!.sequenceNumber);
    if (watermarks.get("provenance") !== last)
      throw new Error(
        `indexing stopped at checkpoint ${watermarks.get("provenance")}, not ${last}: see the log above`,
      );
  } finally {
    await database.close();
  }
  return { ...demo, checkpointsDir, database: target, alreadyIndexed };
}

/**
 * Whether `database` already holds this demo (its model is indexed); false for a database
 * nothing has been indexed into.
 *
 * @throws Error when other checkpoints were indexed into it
 */
async function holdsDemo(database: Database, modelId: string): Promise<boolean> {
  const watermark = await readWatermark(database.db, "provenance");
  if (watermark === undefined) return false;
  if (await getModel(database.db, modelId)) return true;
  throw new Error(
    `${database.location} already holds other indexed checkpoints (provenance watermark ${watermark}): ` +
      "the demo needs a database of its own. Use the default one, a fresh --database-url, or --reset",
  );
}

import { isAbsolute, relative } from "node:path";
import { toHex } from "@mysten/sui/utils";
import { redactUrl } from "@verity/db";
import type { DemoRun } from "./run.ts";

/** A path as the user would type it: relative to the current directory when inside it. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === "" ? "." : inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}

/** A fraction as a percentage with one decimal, e.g. `98.5%`. */
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The demo's report, as lines of plain text: what is simulated and what is real, where the
 * data came from, the blob ids, the accuracy, the ids to look up, and the commands to run next
 * (`verity verify attestation`, `verity serve`, `curl …/v1/lineage/<model>`).
 */
export function formatReport(run: DemoRun): string[] {
  const { story, artifacts, checkpoints } = run;
  const { raw, clean, trained, evaluation } = artifacts;
  const db =
    "url" in run.database
      ? {
          what: "PostgreSQL",
          where: redactUrl(run.database.url),
          flag: `--database-url '${redactUrl(run.database.url)}'`,
        }
      : {
          what: "PGlite",
          where: shown(run.database.dataDir),
          flag: `--data-dir ${shown(run.database.dataDir)}`,
        };
  const first = checkpoints[0]!.sequenceNumber;
  const last = checkpoints.at(-1)!.sequenceNumber;
  const blob = (c: { blobId: string; sha256: Uint8Array; size: number }) =>
    `blob ${c.blobId}, sha-256 ${toHex(c.sha256)}, ${c.size} bytes`;
  return [
    "Verity demo: a SIMULATED chain, with real bytes, blob ids and signatures.",
    "  Simulated: the chain (no validators, no network), its clock, gas, object versions and the",
    "  checkpoint certificates. Real: the dataset's bytes, every Walrus blob id and SHA-256, the",
    "  PTBs and their senders' signatures, the attester's ed25519 signatures, the trained model,",
    "  and the transaction, checkpoint and object-id digests, computed as Sui computes them.",
    "",
    `Dataset     Palmer penguins from the npm package ${raw.origin}`,
    `            ${raw.records.length} records, ${raw.content.mediaType}, ${raw.license}`,
    `            ${blob(raw.content)}`,
    `Seal        under allowlist ${story.allowlist.id} (members: the lab and a researcher)`,
    `            would encrypt to identity ${story.seal.encryption.id}`,
    `            of package ${story.seal.encryption.packageId}`,
    `            ${story.seal.skipped}`,
    `Cleaned     ${clean.rows.length} complete records (${clean.dropped} dropped), CSV, by a signed transform`,
    `            ${blob(clean.content)}`,
    `Model       ${story.model.name}, trained in-process on ${trained.train.length} rows, signed training`,
    `            ${blob(trained.weights)}`,
    `Accuracy    ${percent(evaluation.accuracy)} (${evaluation.correct} of ${evaluation.rows} held-out rows), signed evaluation`,
    `Inferences  ${story.inferences.length} signed, on held-out rows: ${story.inferences
      .map((x) => `${x.predicted}${x.predicted === x.expected ? "" : ` (was ${x.expected})`}`)
      .join(", ")}`,
    `Retraction  the steward retracted the raw dataset; everything derived from it is now tainted`,
    "",
    `Checkpoints ${first}-${last} in ${shown(run.checkpointsDir)} (digests verified)`,
    `Indexed     into ${db.what} ${db.where}${run.alreadyIndexed ? " (already there: nothing new)" : ""}`,
    "",
    "Ids to try",
    `  model               ${story.model.id}`,
    `  raw dataset         ${story.raw.id}  (retracted)`,
    `  cleaned dataset     ${story.clean.id}`,
    `  transform           ${story.clean.transformId}`,
    `  training            ${story.model.trainingId}`,
    `  evaluation          ${story.model.evaluationId}`,
    `  inference           ${story.inferences[0]!.id}`,
    `  attester            ${story.attester.id}  (${story.attester.name})`,
    "",
    "Next",
    `  pnpm verity verify attestation ${story.model.trainingId} ${db.flag}`,
    `  pnpm verity serve ${db.flag}`,
    `  then open http://127.0.0.1:3000/?id=${story.model.id}`,
    `  or   curl 'http://127.0.0.1:3000/v1/lineage/${story.model.id}?direction=upstream'`,
  ];
}

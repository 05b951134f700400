import { isAbsolute, join, relative } from "node:path";
import { toHex } from "@mysten/sui/utils";
import { redactUrl } from "@verity/db";
import { type AiTermsJson, terms } from "@verity/sdk";
import { DEMO_COMMITTEE } from "./committee.ts";
import { COMMITTEE_FILE, type DemoRun } from "./run.ts";

/** A path as the user would type it: relative to the current directory when inside it. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === "" ? "." : inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}

/** AI-use terms in one line, without the constraints' text: `ai_training constrained, …`. */
const termsLine = (aiTerms: AiTermsJson) =>
  terms.AI_USES.map((use) => `${use} ${aiTerms[use].use}`).join(", ");

/** The constraint texts of `next` that `previous` does not have, once each. */
const addedConstraints = (next: AiTermsJson, previous: AiTermsJson) => {
  const before = new Set(terms.AI_USES.flatMap((use) => previous[use].constraints));
  return [...new Set(terms.AI_USES.flatMap((use) => next[use].constraints))].filter(
    (c) => !before.has(c),
  );
};

/** A fraction as a percentage with one decimal, e.g. `98.5%`. */
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The demo's report, as lines of plain text: what is simulated and what is real, where the
 * data came from, the blob ids, the AI-use terms, the accuracy, the committee certifying the
 * checkpoints, the ids to look up, and the commands to run next (`verity verify attestation`,
 * `verity verify checkpoint`, `verity serve`, `curl …/v1/lineage/<model>`).
 */
export function formatReport(run: DemoRun): string[] {
  const { story, artifacts, checkpoints } = run;
  const { raw, clean, trained, heldOut, evaluation } = artifacts;
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
    "  Simulated: the chain (no network; its validators' keys are derived from public labels),",
    "  its clock, gas, object versions, and the enclave (its image's PCRs and its Nitro",
    "  attestation document, which no AWS key signed). Real: the dataset's bytes, every Walrus",
    "  blob id and SHA-256, the PTBs and their senders' signatures, the attesters' ed25519",
    "  signatures, the trained model, the checkpoints' BLS certificates, and the transaction,",
    "  checkpoint and object-id digests, computed as Sui computes them.",
    "",
    `Dataset     Palmer penguins from the npm package ${raw.origin}`,
    `            ${raw.records.length} records, ${raw.content.mediaType}, ${raw.license}`,
    `            ${blob(raw.content)}`,
    `            AI use: ${termsLine(story.raw.terms)}`,
    `Seal        under allowlist ${story.allowlist.id} (members: the lab and a researcher)`,
    `            would encrypt to identity ${story.seal.encryption.id}`,
    `            of package ${story.seal.encryption.packageId}`,
    `            ${story.seal.skipped}`,
    `Cleaned     ${clean.rows.length} complete records (${clean.dropped} dropped), CSV, by a signed transform`,
    `            ${blob(clean.content)}`,
    `            AI use: ${termsLine(story.clean.terms)}`,
    `Model       ${story.model.name}, trained in-process on ${trained.train.length} rows, signed training`,
    `            ${blob(trained.weights)}`,
    `            ${story.model.generative ? "generative" : "not generative"}; its data's terms constrain it to: ${story.model.constraints.flatMap((c) => c.constraints).join("; ") || "nothing"}`,
    `Held out    ${heldOut.rows.length} records the model never saw, by a self-recorded (claimed, unsigned) split`,
    `            ${blob(heldOut.content)}`,
    `            AI use: ${termsLine(story.heldOut.terms)}`,
    `Accuracy    ${percent(evaluation.accuracy)} (${evaluation.correct} of ${evaluation.rows} held-out rows), signed evaluation`,
    `Terms       the steward tightened the raw dataset's: ${termsLine(story.termsChange.terms)}`,
    `            adding: ${addedConstraints(story.termsChange.terms, story.raw.terms).join("; ")}`,
    `Enclave     ${story.enclave.name}, registered from its attestation document against`,
    `            ${story.enclave.image} (PCR0 ${story.enclave.pcrs[0]!.slice(0, 16)}…)`,
    `Inferences  ${story.inferences.length} signed, on held-out rows: ${story.inferences
      .map(
        (x) =>
          `${x.predicted}${x.predicted === x.expected ? "" : ` (was ${x.expected})`} by ${x.enclave ? "the enclave" : "the lab's key"}`,
      )
      .join(", ")}`,
    `Retraction  the steward retracted the raw dataset; everything derived from it is now tainted`,
    "",
    `Checkpoints ${first}-${last} in ${shown(run.checkpointsDir)} (digests verified)`,
    `            certified by the demo committee in ${COMMITTEE_FILE} (${DEMO_COMMITTEE.validators} validators, ${DEMO_COMMITTEE.votingPower} of 10000 voting power)`,
    `Indexed     into ${db.what} ${db.where}${run.alreadyIndexed ? " (already there: nothing new)" : ""}`,
    "",
    "Ids to try",
    `  model               ${story.model.id}`,
    `  raw dataset         ${story.raw.id}  (retracted)`,
    `  cleaned dataset     ${story.clean.id}`,
    `  held-out dataset    ${story.heldOut.id}`,
    `  transform           ${story.clean.transformId}`,
    `  split (unsigned)    ${story.heldOut.splitId}`,
    `  training            ${story.model.trainingId}`,
    `  evaluation          ${story.model.evaluationId}`,
    `  inference (key)     ${story.inferences.find((x) => !x.enclave)?.id ?? "none"}`,
    `  inference (enclave) ${story.inferences.find((x) => x.enclave)?.id ?? "none"}`,
    `  attester            ${story.attester.id}  (${story.attester.name})`,
    `  enclave attester    ${story.enclave.attesterId}  (${story.enclave.name})`,
    "",
    "Next",
    `  pnpm verity verify attestation ${story.model.trainingId} ${db.flag}`,
    `  pnpm verity verify checkpoint ${shown(join(run.checkpointsDir, `${last}.chk`))} --committee ${shown(join(run.checkpointsDir, COMMITTEE_FILE))}`,
    `  pnpm verity serve ${db.flag}`,
    `  then open http://127.0.0.1:3000/?id=${story.model.id}`,
    `  or   curl 'http://127.0.0.1:3000/v1/lineage/${story.model.id}?direction=upstream'`,
  ];
}

import { linkProofs } from "@verity/api";
import { trainingSummary } from "@verity/db";
import { openIndexedDatabase } from "../../existing-database.ts";
import type { TrainingSummaryOptions } from "../../report-options.ts";
import { writeReport } from "../../report-output.ts";
import { trainingSummaryMarkdown } from "../../training-summary-markdown.ts";

/**
 * `verity training-summary`'s work: the draft of `model`'s summary, as Markdown or as JSON (each
 * event with its proof path), to `--out` or standard output.
 *
 * @throws Error when there is no database or no such model
 */
export async function draftTrainingSummary(model: string, options: TrainingSummaryOptions) {
  const database = await openIndexedDatabase(options);
  try {
    const summary = await trainingSummary(database.db, model);
    if (!summary) throw new Error(`no model ${model} is indexed in ${database.location}`);
    await writeReport(
      options.format === "json"
        ? `${JSON.stringify(linkProofs(summary), null, 2)}\n`
        : trainingSummaryMarkdown(summary),
      options.out,
    );
  } finally {
    await database.close();
  }
}

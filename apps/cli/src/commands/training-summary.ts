import { Command, Option } from "commander";
import { withDatabaseOptions } from "../options.ts";
import { SUMMARY_FORMATS, type TrainingSummaryOptions } from "../report-options.ts";

/**
 * `verity training-summary <model>`: a draft of the model's public summary of training content
 * (the EU AI Office's template for Article 53(1)(d) AI Act), from the chain.
 */
export function trainingSummaryCommand(): Command {
  const command = new Command("training-summary")
    .description(
      "Draft a model's public summary of training content (EU AI Act Art. 53(1)(d) template) from the chain: datasets, licenses, sizes, media types, dates, transforms and their attesters, retractions, each with its event; the fields the chain cannot fill are marked",
    )
    .argument("<model>", "the model's object id")
    .addOption(
      new Option("--format <format>", "draft format").choices(SUMMARY_FORMATS).default("md"),
    )
    .option("--out <file>", "write the draft to this file instead of standard output");
  return withDatabaseOptions(command).action(
    async (model: string, options: TrainingSummaryOptions) =>
      (await import("./run/training-summary.ts")).draftTrainingSummary(model, options),
  );
}

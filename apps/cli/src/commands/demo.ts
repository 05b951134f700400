import { Command, Option } from "commander";
import type { DemoCommandOptions } from "./run/demo.ts";

/**
 * `verity demo`: a complete provenance graph with no wallet and no network.
 * Records a real dataset, its cleaning, a model trained on it, its evaluation, inferences and
 * a retraction on a simulated chain, indexes the checkpoints into the demo's own database, and
 * prints what to run next.
 */
export function demoCommand(): Command {
  return new Command("demo")
    .description(
      "Play a provenance story offline (real dataset, transform, training, inferences, retraction) on a simulated chain, and index it",
    )
    .option(
      "--dir <dir>",
      "where the demo's checkpoints and PGlite database go (default .verity/demo at the repository root)",
    )
    .option(
      "--database-url <url>",
      "index into this PostgreSQL database instead (fresh, or holding this demo only)",
    )
    .addOption(
      new Option("--data-dir <dir>", "PGlite data directory (default <dir>/pglite)").conflicts(
        "databaseUrl",
      ),
    )
    .addOption(
      new Option(
        "--reset",
        "delete the demo's checkpoints and PGlite database in <dir> first",
      ).conflicts(["databaseUrl", "dataDir"]),
    )
    .action(async (options: DemoCommandOptions) => (await import("./run/demo.ts")).demo(options));
}

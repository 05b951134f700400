import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { DEFAULT_DEMO_DIR, demoPaths, formatReport, runDemo } from "@verity/demo";
import { Command, Option } from "commander";

interface DemoCommandOptions {
  dir?: string;
  databaseUrl?: string;
  dataDir?: string;
  reset?: boolean;
}

/**
 * `verity demo`: a complete provenance graph in under a minute, with no wallet and no network.
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
    .action(async (options: DemoCommandOptions) => {
      const dir = resolve(options.dir ?? DEFAULT_DEMO_DIR);
      if (options.reset)
        for (const made of Object.values(demoPaths(dir)))
          await rm(made, { recursive: true, force: true });
      const run = await runDemo({
        dir,
        databaseUrl: options.databaseUrl,
        dataDir: options.dataDir && resolve(options.dataDir),
        progress: (line) => console.error(`${line}…`),
      });
      for (const line of formatReport(run)) console.log(line);
    });
}

import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { DEFAULT_DEMO_DIR, demoPaths, formatReport, runDemo } from "@verity/demo";

/** `verity demo`'s options. */
export interface DemoCommandOptions {
  dir?: string;
  databaseUrl?: string;
  dataDir?: string;
  reset?: boolean;
}

/** `verity demo`'s work: play the story, index it, print the report. */
export async function demo(options: DemoCommandOptions) {
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
}

import { writeFile } from "node:fs/promises";

/** Writes a report's `text` to the file `out`, or to standard output without one. */
export async function writeReport(text: string, out: string | undefined): Promise<void> {
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}

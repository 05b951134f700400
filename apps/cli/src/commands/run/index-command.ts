import { indexCommand } from "@verity/indexer";
import { type DatabaseOptions, type IndexOptions, indexRunOf } from "../../options.ts";
import { untilSignal } from "../../signals.ts";

/** `verity index`'s work: index until the source ends or SIGINT/SIGTERM; print the watermarks. */
export async function index(options: IndexOptions & DatabaseOptions) {
  const stop = untilSignal();
  try {
    const watermarks = await indexCommand({
      ...indexRunOf(options),
      signal: stop.signal,
      tty: process.stderr.isTTY ? process.stderr : undefined,
    });
    for (const [pipeline, watermark] of watermarks) {
      console.log(`${pipeline}: watermark ${watermark ?? "none"}`);
    }
  } finally {
    stop.dispose();
  }
}

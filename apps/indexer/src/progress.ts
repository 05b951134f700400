import type { Logger } from "pino";
import type { IndexerMetrics } from "./metrics.ts";

/** Where progress goes: a status line redrawn on a TTY, or structured log lines. */
export interface ProgressOptions {
  metrics: IndexerMetrics;
  /** `process.stderr` when it is a TTY: draw a status line on it. */
  tty?: NodeJS.WriteStream;
  /** Otherwise: log one `progress` line per `logEveryMs`. */
  logger: Logger;
  /** Refresh period of the status line, ms. Default 1000. */
  intervalMs?: number;
  /** Period of progress log lines when not on a TTY, ms. Default 10 000. */
  logEveryMs?: number;
}

/** One reading of progress. */
interface Reading {
  checkpoint: number;
  checkpointsPerSecond: number;
  eventsPerSecond: number;
  pipelines: { pipeline: string; watermark: number; lagMs: number }[];
}

const sum = async (metric: { get(): Promise<{ values: { value: number }[] }> }) =>
  (await metric.get()).values.reduce((total, v) => total + v.value, 0);

/**
 * Shows indexing progress (checkpoints/s, events/s, watermark and lag per pipeline) from the
 * metrics, until the returned `stop()` is called.
 */
export function startProgress(options: ProgressOptions): { stop(): Promise<void> } {
  const { metrics, tty, logger } = options;
  let last = { at: performance.now(), checkpoints: 0, events: 0 };
  let lastLog = 0;

  const read = async (): Promise<Reading> => {
    const now = performance.now();
    const checkpoints = await sum(metrics.checkpoints);
    const events = await sum(metrics.events);
    const seconds = Math.max((now - last.at) / 1000, 1e-3);
    const watermarks = (await metrics.watermark.get()).values;
    const lags = (await metrics.lagMs.get()).values;
    const reading = {
      checkpoint: await sum(metrics.latestCheckpoint),
      checkpointsPerSecond: (checkpoints - last.checkpoints) / seconds,
      eventsPerSecond: (events - last.events) / seconds,
      pipelines: watermarks.map((w) => ({
        pipeline: String(w.labels.pipeline),
        watermark: w.value,
        lagMs: lags.find((l) => l.labels.pipeline === w.labels.pipeline)?.value ?? 0,
      })),
    };
    last = { at: now, checkpoints, events };
    return reading;
  };

  const draw = async (final = false) => {
    const r = await read();
    if (tty) {
      const pipelines = r.pipelines
        .map((p) => `${p.pipeline} ${p.watermark} (lag ${duration(p.lagMs)})`)
        .join(" · ");
      const line = `checkpoint ${r.checkpoint} · ${r.checkpointsPerSecond.toFixed(0)} cp/s · ${r.eventsPerSecond.toFixed(0)} ev/s · ${pipelines}`;
      tty.write(`\r\u001b[2K${line.slice(0, tty.columns || 200)}${final ? "\n" : ""}`);
    } else if (final || performance.now() - lastLog >= (options.logEveryMs ?? 10_000)) {
      lastLog = performance.now();
      logger.info(r, "progress");
    }
  };

  const timer = setInterval(() => void draw(), options.intervalMs ?? 1000);
  return {
    async stop() {
      clearInterval(timer);
      await draw(true);
    },
  };
}

/** `1.2s`, `3m`, `4h`, `2d`. */
function duration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  if (s < 3600) return `${Math.round(s / 60)}m`;
  if (s < 86_400) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86_400)}d`;
}

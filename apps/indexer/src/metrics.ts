import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The indexer's Prometheus metrics, named for what an operator asks (as
 * sui-indexer-alt-framework does): how far it got, how far behind it is, what it wrote, how
 * long commits take, what went wrong.
 */
export function indexerMetrics(registry = new Registry()) {
  return {
    registry,
    latestCheckpoint: new Gauge({
      name: "verity_indexer_latest_checkpoint",
      help: "Sequence number of the latest checkpoint received from the source",
      registers: [registry],
    }),
    watermark: new Gauge({
      name: "verity_indexer_watermark",
      help: "Last checkpoint fully committed, per pipeline",
      labelNames: ["pipeline"],
      registers: [registry],
    }),
    lagMs: new Gauge({
      name: "verity_indexer_lag_ms",
      help: "Wall-clock time minus the timestamp of the latest committed checkpoint, ms",
      labelNames: ["pipeline"],
      registers: [registry],
    }),
    rows: new Counter({
      name: "verity_indexer_rows_committed_total",
      help: "Rows committed, per pipeline and table",
      labelNames: ["pipeline", "table"],
      registers: [registry],
    }),
    checkpoints: new Counter({
      name: "verity_indexer_checkpoints_total",
      help: "Checkpoints received from the source",
      registers: [registry],
    }),
    events: new Counter({
      name: "verity_indexer_events_total",
      help: "Events seen in ingested checkpoints",
      registers: [registry],
    }),
    quarantined: new Counter({
      name: "verity_indexer_quarantined_total",
      help: "Events quarantined (undecodable or of an unknown type), per pipeline",
      labelNames: ["pipeline"],
      registers: [registry],
    }),
    commitSeconds: new Histogram({
      name: "verity_indexer_commit_latency_seconds",
      help: "Time to commit one batch, per pipeline",
      labelNames: ["pipeline"],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    }),
    errors: new Counter({
      name: "verity_indexer_errors_total",
      help: "Errors, by kind (source, commit, verification)",
      labelNames: ["kind"],
      registers: [registry],
    }),
  };
}

/** The indexer's metrics; see {@link indexerMetrics}. */
export type IndexerMetrics = ReturnType<typeof indexerMetrics>;

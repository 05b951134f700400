import type { Database, LiveGraph } from "@verity/db";

/** What every route reads through: the database (only through `@verity/db`'s queries). */
export interface ApiDeps {
  database: Database;
  /**
   * The provenance graph held in memory (`followGraph(database.db)`: edges, nodes' facts,
   * retractions): lineage reads it once loaded, topped up to the moment of each request, instead
   * of reading SQL. Absent: SQL only.
   */
  graph?: LiveGraph;
  /** Network label for `/v1/status` (e.g. `testnet`). */
  network?: string;
  /** Origins allowed to call the API from a browser (CORS); none when absent. `["*"]`: any. */
  cors?: string[];
  /**
   * Per-client rate limit, a token bucket per client IP: `perSecond` tokens refill each second
   * up to `burst`; one request takes one. Default 100/s, burst 200; `false` turns it off.
   */
  rateLimit?: { perSecond: number; burst: number } | false;
  /** Request body caps, bytes: JSON bodies (default 64 KiB), `/v1/verify/blob` (default 32 MiB). */
  limits?: { jsonBytes?: number; blobBytes?: number };
  /** How often `/v1/stream` polls the database for new provenance, ms (default 1000). */
  streamPollMs?: number;
}

/** Hono variables set for every request. */
export type ApiEnv = { Variables: { deps: ApiDeps } };

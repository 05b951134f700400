import type { Database } from "@verity/db";

/** What every route reads through: the database (only through `@verity/db`'s queries). */
export interface ApiDeps {
  database: Database;
  /** Network label for `/v1/status` (e.g. `testnet`). */
  network?: string;
}

/** Hono variables set for every request. */
export type ApiEnv = { Variables: { deps: ApiDeps } };

import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { rowsOf } from "../raw.ts";

/**
 * PostgreSQL's plan of `query` (e.g. `nodeFactsQuery(...)`), one line per element; with
 * `analyze`, the query runs and the plan carries timings and buffer counts. For benchmarks.
 */
export async function explain(db: Db, query: SQL, analyze: boolean): Promise<string[]> {
  const options = sql.raw(analyze ? "(analyze, buffers)" : "");
  const rows = rowsOf<{ "QUERY PLAN": string }>(await db.execute(sql`explain ${options} ${query}`));
  return rows.map((row) => row["QUERY PLAN"]);
}

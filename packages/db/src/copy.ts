/**
 * Bulk loading with `COPY ... FROM STDIN` (postgres.js) or `COPY ... FROM '/dev/blob'`
 * (PGlite): the raw baseline the indexer's benchmark compares its write path against.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setImmediate } from "node:timers/promises";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { CopyTextBuffer } from "./copy-text.ts";
import type { Database, Tx } from "./database.ts";
import { driverValue, quoteIdent, tableIdent, usedColumns } from "./row-values.ts";
import { appendOnlyTables, type Rows, type TableName } from "./tables.ts";

/**
 * Fewer rows than this go in by `insertRows` even when new: a COPY and its savepoint cost three
 * round trips more than one statement.
 */
export const COPY_MIN_ROWS = 200;

/**
 * Bytes of COPY text handed to the driver at a time (a chunk ends with the row that reaches it):
 * small enough that rendering one keeps the event loop busy well under a millisecond, so the
 * commit in flight is answered meanwhile.
 */
const CHUNK_BYTES = 64 * 1024;

/**
 * Loads `rows` into `table` with one COPY statement, in text format. Values go through each
 * column's drizzle mapping (as an insert would), then `copyField` (arrays, NULLs, bigints and
 * bytes escaped). Columns that no row sets are left out, so their defaults apply.
 *
 * Unlike the write path, COPY has no ON CONFLICT: a row whose key is already present fails the
 * whole statement, and nothing is loaded. It is not wrapped in a transaction of its own beyond
 * the statement itself.
 *
 * @returns the number of rows loaded
 * @throws TypeError when a row leaves out a column that has a default but other rows set it;
 *   the driver's error when PostgreSQL rejects the data (nothing is loaded)
 */
export async function copyRows<T extends PgTable>(
  database: Database,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const { columns, chunks } = copyOf(table, rows, "copyRows");
  const into = `${tableIdent(table)} (${columns})`;
  if (database.driver === "postgres") {
    await copyPostgres(database.client, `copy ${into} from stdin`, chunks);
  } else {
    const blob = new Blob([...chunks]);
    await database.client.query(`copy ${into} from '/dev/blob'`, [], { blob });
  }
  return rows.length;
}

/**
 * `copyRows` inside a transaction of the postgres.js driver (`tx`, as `db.transaction` gives
 * it): the COPY runs on the transaction's connection, so it commits or rolls back with it.
 * PGlite's transactions are left to the caller's other path (`copiesInTransaction`). With
 * `into`, the rows go into that table (quoted name; one with `table`'s columns, e.g. a
 * temporary copy of it) instead.
 *
 * @returns the number of rows loaded, or undefined (nothing done) when `tx` is not a postgres.js
 *   transaction
 * @throws as `copyRows`; the transaction is then aborted unless the caller set a savepoint
 */
export async function copyRowsInTransaction(
  tx: Tx,
  table: PgTable,
  rows: readonly object[],
  into = tableIdent(table),
): Promise<number | undefined> {
  const client = postgresClientOf(tx);
  if (!client) return undefined;
  if (rows.length === 0) return 0;
  const { columns, chunks } = copyOf(table, rows, "commit");
  await copyPostgres(client, `copy ${into} (${columns}) from stdin`, chunks);
  return rows.length;
}

/** Whether `copyRowsInTransaction` can COPY in `tx`: a postgres.js transaction. */
export const copiesInTransaction = (tx: Tx): boolean => postgresClientOf(tx) !== undefined;

/** The postgres.js handle of `tx`, or undefined for another driver's. */
function postgresClientOf(tx: Tx): Sql | undefined {
  // drizzle keeps the driver's transaction handle on the session; postgres.js's has `unsafe`.
  const client = (tx as unknown as { session?: { client?: Partial<Sql> } }).session?.client;
  return typeof client?.unsafe === "function" ? (client as Sql) : undefined;
}

/** COPY text of a table's rows, rendered ahead of its statement by `renderCopyText`. */
interface RenderedCopy {
  table: PgTable;
  /** the column list */
  columns: string;
  /** the text, UTF-8, in chunks of about `CHUNK_BYTES` */
  chunks: Buffer[];
}

/** What `renderCopyText` rendered, by the row array it rendered (dropped with it). */
const rendered = new WeakMap<readonly object[], RenderedCopy>();

/**
 * Renders now the COPY text (UTF-8) of each table's rows in `rows` (table name -> rows), so that
 * a later `copyRowsInTransaction` of the same array (the same object) into the same table streams
 * it instead of rendering it while its transaction waits: a committer renders the next batch
 * while the database commits the one before. Yields to the event loop between chunks, so the
 * commit in flight is answered meanwhile. What is rendered lives as long as the arrays do, which
 * must not change afterwards. A table whose rows cannot be rendered (`usedColumns` refuses
 * them) is left to the COPY, which says why.
 */
export async function renderCopyText(rows: Rows): Promise<void> {
  for (const [name, list] of Object.entries(rows) as [TableName, readonly object[]][]) {
    const table = appendOnlyTables[name];
    if (table) await renderTableCopyText(table, list);
  }
}

/** `renderCopyText` of `rows` for `table` (any table: e.g. `nodes` rows, staged by COPY). */
export async function renderTableCopyText(table: PgTable, rows: readonly object[]): Promise<void> {
  if (rows.length < COPY_MIN_ROWS || rendered.has(rows)) return;
  const ahead = await renderAhead(table, rows).catch(() => undefined);
  if (ahead) rendered.set(rows, ahead);
}

/** `rows`' COPY text for `table`, yielding between chunks. */
async function renderAhead(table: PgTable, rows: readonly object[]): Promise<RenderedCopy> {
  const { columns, chunks: text } = copyOf(table, rows, "renderCopyText");
  const chunks: Buffer[] = [];
  for (const chunk of text) {
    chunks.push(chunk);
    await setImmediate();
  }
  return { table, columns, chunks };
}

/**
 * The column list and COPY text of `rows` (the columns some row sets): as `renderCopyText`
 * rendered it for `table`, else rendered as it is streamed.
 */
function copyOf(
  table: PgTable,
  rows: readonly object[],
  caller: string,
): { columns: string; chunks: Iterable<Buffer> } {
  const ahead = rendered.get(rows);
  if (ahead?.table === table) return ahead;
  const columns = usedColumns(table, rows, caller);
  const columnList = columns.map(([, column]) => quoteIdent(column.name)).join(", ");
  return { columns: columnList, chunks: textChunks(columns, rows) };
}

/**
 * Streams `chunks` into `statement` (a `COPY ... FROM STDIN`) over postgres.js.
 *
 * postgres.js 3.4 loses an error the server reports after the last chunk (a duplicate key,
 * a NOT NULL violation): the writable never finishes and the error goes to the query's
 * `reject`, whose promise already resolved to the stream (porsager/postgres#1173). So the
 * query's `reject` is observed too, and whichever settles first decides.
 */
async function copyPostgres(sql: Sql, statement: string, chunks: Iterable<Buffer>): Promise<void> {
  const query = sql.unsafe(statement);
  const internal = query as unknown as { reject(error: unknown): void };
  const reject = internal.reject;
  const failed = new Promise<never>((_, fail) => {
    internal.reject = (error) => {
      reject(error);
      fail(error);
    };
  });
  // Observed by the race below; this handler only keeps an early failure (the table does not
  // exist, so `writable()` itself rejects) from also surfacing as an unhandled rejection.
  failed.catch(() => {});
  const writable = await query.writable();
  await Promise.race([pipeline(Readable.from(chunks), writable), failed]);
}

/** COPY text for `rows` (UTF-8), in chunks of about `CHUNK_BYTES`. */
function* textChunks(columns: [string, PgColumn][], rows: readonly object[]): Generator<Buffer> {
  const keys = columns.map(([key]) => key);
  const encoders = columns.map(([, column]) => driverValue(column));
  const last = keys.length - 1;
  // Room for the row that ends a chunk past CHUNK_BYTES (a proof part is ~10 KiB of hex).
  const text = new CopyTextBuffer(CHUNK_BYTES + CHUNK_BYTES / 4);
  for (const row of rows as readonly Record<string, unknown>[]) {
    for (let c = 0; c <= last; c++) text.field(encoders[c]!(row[keys[c]!]), c === last);
    if (text.length >= CHUNK_BYTES) yield text.take();
  }
  if (text.length > 0) yield text.take();
}

/** Errors of the write path, with what an operator (or a retry policy) needs to know. */
import { DrizzleQueryError } from "drizzle-orm";

/**
 * A commit of a pipeline's checkpoint(s) failed; its transaction was rolled back, so none of its
 * rows and not its watermark were written. `code` is PostgreSQL's SQLSTATE when the server
 * rejected a statement (`23502` not-null violation, `22003` out of range, ...), undefined for
 * a connection failure; `table` is the SQL table being written when it failed. `cause` is the
 * driver's error.
 */
export class CommitError extends Error {
  override readonly name = "CommitError";
  readonly pipeline: string;
  readonly firstCheckpoint: number;
  readonly lastCheckpoint: number;
  readonly table: string | undefined;
  readonly code: string | undefined;
  /** whether the transaction took the COPY path (rows past the watermark, no ON CONFLICT) */
  readonly copied: boolean;

  constructor(options: {
    pipeline: string;
    firstCheckpoint: number;
    lastCheckpoint: number;
    table: string | undefined;
    copied?: boolean;
    cause: unknown;
  }) {
    const { pipeline, firstCheckpoint, lastCheckpoint, table, cause } = options;
    const { message, code } = databaseError(cause);
    const range =
      firstCheckpoint === lastCheckpoint
        ? `checkpoint ${lastCheckpoint}`
        : `checkpoints ${firstCheckpoint}..${lastCheckpoint}`;
    super(
      `commit of ${range} of pipeline ${pipeline} failed${table ? ` writing ${table}` : ""}: ${message}${code ? ` (SQLSTATE ${code})` : ""}`,
      { cause },
    );
    this.pipeline = pipeline;
    this.firstCheckpoint = firstCheckpoint;
    this.lastCheckpoint = lastCheckpoint;
    this.table = table;
    this.code = code;
    this.copied = options.copied ?? false;
  }
}

/**
 * The database's own message and SQLSTATE behind `error`, without drizzle's wrapping (whose
 * message repeats the statement and every parameter: tens of thousands for a big insert).
 */
export function databaseError(error: unknown): { message: string; code: string | undefined } {
  const root = error instanceof DrizzleQueryError && error.cause ? error.cause : error;
  const code = (root as { code?: unknown }).code;
  return {
    message: root instanceof Error ? root.message : String(root),
    code: typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined,
  };
}

/**
 * Which PostgreSQL server the tests use, and a vitest global setup that makes sure there is one
 * (test tooling). Each package whose tests talk to PostgreSQL lists this file in
 * `test.globalSetup` of its vitest.config.ts.
 *
 * The server is `VERITY_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`,
 * a role allowed to create databases). When nothing answers there, the setup starts an embedded
 * PostgreSQL for the run (`postgres-embedded.ts`) and points `VERITY_TEST_POSTGRES_URL` at it,
 * which the test workers and the processes they spawn inherit.
 */
import postgres from "postgres";
import type { EmbeddedPostgresServer } from "./postgres-embedded.ts";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The server the tests create their databases on: `VERITY_TEST_POSTGRES_URL` or the default. */
export function testPostgresUrl(): string {
  return process.env.VERITY_TEST_POSTGRES_URL ?? DEFAULT_URL;
}

/** `url` with its password masked, for messages. */
function shown(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/**
 * Whether a PostgreSQL server answers `select 1` at `url` within 2 s: false when the connection
 * fails (nothing listens, timeout, unknown host). A server that answers but refuses (bad
 * password, no such database or role) throws one line instead: a wrong setting must not be
 * papered over with another server.
 */
export async function postgresReachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch (error) {
    if (error instanceof postgres.PostgresError) {
      throw new Error(`PostgreSQL at ${shown(url)} refused the tests: ${error.message}`);
    }
    return false;
  } finally {
    await sql.end({ timeout: 0 });
  }
}

let embedded: EmbeddedPostgresServer | undefined;

/**
 * Vitest global setup: uses the configured server when it answers, else starts an embedded one
 * and sets `VERITY_TEST_POSTGRES_URL` to it (before the workers start). Says on stderr which
 * server the tests use. Throws as {@link postgresReachable} and `startEmbeddedPostgres` do.
 */
export async function setup(): Promise<void> {
  const configured = testPostgresUrl();
  if (await postgresReachable(configured)) {
    process.stderr.write(`tests use PostgreSQL at ${shown(configured)}\n`);
    return;
  }
  const { startEmbeddedPostgres } = await import("./postgres-embedded.ts");
  embedded = await startEmbeddedPostgres();
  process.env.VERITY_TEST_POSTGRES_URL = embedded.url;
  process.stderr.write(
    `tests use PostgreSQL at ${shown(embedded.url)} (embedded, started for this run: ` +
      `nothing answered at ${shown(configured)})\n`,
  );
}

/** Vitest global teardown: stops the embedded server, if {@link setup} started one. */
export async function teardown(): Promise<void> {
  await embedded?.stop();
  embedded = undefined;
}

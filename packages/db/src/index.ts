/**
 * `@verity/db`: Verity's PostgreSQL schema (drizzle), its migrations (drizzle-kit), the two
 * drivers behind one API (postgres.js for a server, PGlite embedded), and the write path the
 * indexer commits through.
 */
export * from "./copy.ts";
export * from "./copy-text.ts";
export * from "./database.ts";
export * from "./errors.ts";
export { ROWS_PER_INSERT, UNNEST_MIN_ROWS } from "./insert.ts";
export * from "./migrate.ts";
export * from "./open.ts";
export * from "./queries/lineage.ts";
export * from "./queries/status.ts";
export * from "./redact.ts";
export * from "./schema/index.ts";
export * from "./tables.ts";
export * from "./watermarks.ts";
export * from "./write.ts";

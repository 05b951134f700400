/**
 * Fresh databases on the test PostgreSQL server (test tooling): `VERITY_TEST_POSTGRES_URL`
 * (default `postgres://postgres@127.0.0.1:5432/postgres`, a role allowed to create databases), or
 * the embedded server the global setup `postgres-server.ts` started for the run when nothing
 * answered there. When no server can be had the PostgreSQL cases fail: they are never skipped.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { testPostgresUrl } from "./postgres-server.ts";

/** The server the PostgreSQL cases create their databases on. */
export const ADMIN_URL = testPostgresUrl();

/** The URL of database `name` on the test server (`ADMIN_URL` with that database). */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a fresh database `verity_test_<random>` on the server; returns its URL and a drop. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `verity_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { onnotice: () => {}, max: 1 });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(name),
    async drop() {
      const again = postgres(ADMIN_URL, { onnotice: () => {}, max: 1 });
      try {
        await again.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}

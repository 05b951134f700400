/** The API's listener: the port is held before the database opens; closing ends every request. */
import { type Database, IN_MEMORY, openDatabase } from "@verity/db";
import { createPostgresDatabase } from "@verity/testing";
import { describe, expect, it, vi } from "vitest";
import { CLOSE_GRACE_MS, listenApi } from "../src/server.ts";

describe("listenApi", () => {
  it("holds the port, answers 503 until it serves, then serves the API", async () => {
    const listener = await listenApi({ port: 0 });
    const database = await openDatabase({ dataDir: IN_MEMORY });
    try {
      const before = await fetch(`${listener.url}/healthz`);
      expect(before.status).toBe(503);
      expect(before.headers.get("content-type")).toBe("application/problem+json");
      expect(await before.json()).toMatchObject({
        status: 503,
        detail: "the API is starting: its database is being opened",
      });
      listener.serve({ database });
      const after = await fetch(`${listener.url}/healthz`);
      expect(after.status).toBe(200);
    } finally {
      await listener.close();
      await database.close();
    }
  });

  it("refuses a port in use, naming it", async () => {
    const first = await listenApi({ port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(listenApi({ port })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await first.close();
    }
  });

  it("closes with a /v1/stream subscriber still connected", async () => {
    const listener = await listenApi({ port: 0 });
    const database = await openDatabase({ dataDir: IN_MEMORY });
    listener.serve({ database, streamPollMs: 50 });
    const stream = await fetch(`${listener.url}/v1/stream`);
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await listener.close();
    const end = async () => {
      try {
        while (!(await reader.read()).done);
        return "ended";
      } catch {
        return "dropped";
      }
    };
    expect(await end()).toBe("dropped");
    await database.close();
  });

  it(
    "waits for a handler whose client hung up before it resolves close, so the database closes last",
    async () => {
      const target = await createPostgresDatabase();
      const database = await openDatabase({ url: target.url });
      if (database.driver !== "postgres") throw new Error("expected PostgreSQL");
      const pool = database.client;
      const listener = await listenApi({ port: 0 });
      listener.serve({ database });
      try {
        // Hold the datasets table so that a dataset lookup's query waits on the lock.
        const release = await new Promise<() => void>((held) => {
          void pool.begin(async (tx) => {
            await tx`lock table datasets in access exclusive mode`;
            await new Promise<void>((r) => held(r));
          });
        });
        const client = new AbortController();
        const request = fetch(`${listener.url}/v1/datasets/0x${"d1".repeat(32)}`, {
          signal: client.signal,
        }).catch(() => "aborted");
        await vi.waitFor(async () => expect(await waitingOnLocks(pool)).toBeGreaterThan(0), {
          timeout: 5000,
          interval: 20,
        });
        client.abort(); // the client hangs up; its handler is still waiting for the query
        expect(await request).toBe("aborted");
        let closed = false;
        const closing = listener.close().then(() => {
          closed = true;
        });
        await new Promise((r) => setTimeout(r, 300));
        expect(closed, "close resolved while a handler was still running").toBe(false);
        release();
        await closing;
        expect(closed).toBe(true);
      } finally {
        await listener.close();
        await database.close();
        await target.drop();
      }
    },
    4 * CLOSE_GRACE_MS,
  );
});

/** How many sessions of this database are waiting on a lock. */
async function waitingOnLocks(pool: Extract<Database, { driver: "postgres" }>["client"]) {
  const [row] = await pool<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`;
  return row?.n ?? 0;
}

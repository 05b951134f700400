/** The API's listener: the port is held before the database opens; closing ends every request. */
import { IN_MEMORY, openDatabase } from "@verity/db";
import { describe, expect, it } from "vitest";
import { listenApi } from "../src/server.ts";

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
});

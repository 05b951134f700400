import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createPostgresDatabase } from "@verity/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_DATA_DIR,
  IN_MEMORY,
  openDatabase,
  PGLITE_LOCK_STALE_MS,
  redactUrl,
} from "../src/index.ts";

describe("redactUrl", () => {
  it("drops the password, keeps the rest", () => {
    expect(redactUrl("postgres://verity:s3cret@db.example:5433/verity?sslmode=require")).toBe(
      "postgres://verity@db.example:5433/verity?sslmode=require",
    );
    expect(redactUrl("postgresql://u:p%40ss@h/d?password=x")).toBe("postgresql://u@h/d");
    expect(redactUrl("postgres://h/d")).toBe("postgres://h/d");
    expect(redactUrl("not a url //user:pw@host")).toBe("not a url //user@host");
  });
});

const execFileAsync = promisify(execFile);

/** The module a second process opens the database with. */
const OPEN = join(import.meta.dirname, "../src/open.ts");

describe("openDatabase", () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it("names an unreachable server by its URL, without the password", async () => {
    const error = await openDatabase({ url: "postgres://verity:s3cret@127.0.0.1:1/verity" }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toMatch(
      /^cannot connect to PostgreSQL at postgres:\/\/verity@127\.0\.0\.1:1\/verity: .*ECONNREFUSED/,
    );
    expect(error?.message).not.toContain("s3cret");
    expect(error?.cause).toBeDefined();
  });

  it("says when the database does not exist", async () => {
    const { url, drop } = await createPostgresDatabase();
    await drop();
    await expect(openDatabase({ url })).rejects.toThrow(/cannot connect .* does not exist/);
  });

  it("says when the PGlite data directory cannot be written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verity-open-"));
    try {
      writeFileSync(join(dir, "file"), "");
      const target = join(dir, "file", "pglite");
      await expect(openDatabase({ dataDir: target })).rejects.toThrow(
        `PGlite data directory ${target} is not writable`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an unknown URL scheme, and url with dataDir", async () => {
    await expect(openDatabase({ url: "mysql://u:pw@h/d" })).rejects.toThrow(
      /^unsupported database URL mysql:\/\/u@h\/d/,
    );
    await expect(openDatabase({ url: "postgres://h/d", dataDir: IN_MEMORY })).rejects.toThrow(
      TypeError,
    );
  });

  it("takes DATABASE_URL when given no option, and memory:// as a URL", async () => {
    const { url, drop } = await createPostgresDatabase();
    try {
      process.env.DATABASE_URL = url;
      const fromEnv = await openDatabase();
      expect(fromEnv.driver).toBe("postgres");
      await fromEnv.close();
      const explicit = await openDatabase({ dataDir: IN_MEMORY });
      expect([explicit.driver, explicit.location]).toEqual(["pglite", IN_MEMORY]);
      await explicit.close();
      process.env.DATABASE_URL = IN_MEMORY;
      const memory = await openDatabase();
      expect([memory.driver, memory.location]).toEqual(["pglite", IN_MEMORY]);
      await memory.close();
    } finally {
      await drop();
    }
  });

  it("lets one process at a time hold a PGlite data directory, and takes over a stale lock", async () => {
    const parent = mkdtempSync(join(tmpdir(), "verity-lock-"));
    const dataDir = join(parent, "pglite");
    try {
      const first = await openDatabase({ dataDir });
      // Another process (spawned asynchronously: this one must keep refreshing its lock).
      const child = await execFileAsync(
        process.execPath,
        [
          "--import",
          "tsx",
          "-e",
          `await (await import(${JSON.stringify(OPEN)})).openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); process.exit(0);`,
        ],
        { encoding: "utf8", cwd: import.meta.dirname },
      ).then(
        () => ({ status: 0, stderr: "" }),
        (error: { code?: number; stderr?: string }) => ({
          status: error.code,
          stderr: error.stderr ?? "",
        }),
      );
      expect(child.status).not.toBe(0);
      expect(child.stderr).toContain(
        `PGlite data directory ${dataDir} is in use by another process`,
      );
      await first.close();

      // A lock left by a killed process: older than the stale limit, taken over at once.
      const old = new Date(Date.now() - 2 * PGLITE_LOCK_STALE_MS);
      mkdirSync(`${dataDir}.lock`);
      utimesSync(`${dataDir}.lock`, old, old);
      const second = await openDatabase({ dataDir });
      await second.close();
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("defaults to .verity/pglite under the working directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verity-cwd-"));
    const cwd = process.cwd();
    const { DATABASE_URL, ...rest } = process.env;
    process.env = rest;
    process.chdir(dir);
    try {
      const database = await openDatabase();
      await database.close();
      expect(existsSync(join(dir, DEFAULT_DATA_DIR, "PG_VERSION"))).toBe(true);
    } finally {
      process.chdir(cwd);
      process.env = { ...rest, ...(DATABASE_URL === undefined ? {} : { DATABASE_URL }) };
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

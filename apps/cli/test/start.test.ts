/**
 * `verity start` as a user runs it: the real testnet checkpoints indexed and served from one
 * process, on PostgreSQL and on a PGlite data directory; clean shutdown; one-line errors that
 * leave the database as it was.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, readWatermark, walrusBlobEvents } from "@verity/db";
import { fixtureStore } from "@verity/test-scenarios";
import { closedPortUrl, createPostgresDatabase } from "@verity/testing";
import { afterAll, describe, expect, it } from "vitest";
import { apiUrl, errorLines, runCli, startCli, TESTNET_CHECKPOINTS } from "./support/cli.ts";

/** The blob certified in checkpoint 248050771 (registered again in 248054311, see the fixtures' README). */
const CERTIFIED_BLOB = "y4UaG1aueyEVCXTLTCHlN79YkmBRS4DnopK3yIiIDAI";
/** The last testnet fixture: where the walrus pipeline is caught up. */
const LAST = 275761458;

const temporary = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** Polls `/v1/status` until the walrus pipeline's watermark is `checkpoint`. */
async function caughtUp(url: string, checkpoint: number): Promise<void> {
  for (;;) {
    const status = (await (await fetch(`${url}/v1/status`)).json()) as {
      pipelines: { pipeline: string; watermark: number }[];
    };
    if (status.pipelines.some((p) => p.pipeline === "walrus" && p.watermark === checkpoint)) return;
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

type WalrusObject = {
  objectId: string;
  status: string;
  certifiedEpoch: number | null;
  endEpoch: number | null;
  certified: { checkpoint: number; txDigest: string; eventIndex: number } | null;
};

const places = [
  {
    driver: "postgres",
    async create() {
      const { url, drop } = await createPostgresDatabase();
      return { args: ["--database-url", url], open: { url }, drop };
    },
  },
  {
    driver: "pglite",
    async create() {
      const dataDir = join(temporary("verity-start-"), "pglite");
      return { args: ["--data-dir", dataDir], open: { dataDir }, drop: async () => {} };
    },
  },
];

/** The testnet fixtures as the deprecated .chk files, and as .binpb.zst files read by force. */
const stores = [
  { files: ".chk", args: () => ["--checkpoints", TESTNET_CHECKPOINTS] },
  {
    files: ".binpb.zst",
    args: () => [
      ...["--checkpoints", fixtureStore("testnet", "binpb.zst").directory],
      ...["--network", "testnet", "--checkpoint-format", "binpb.zst"],
    ],
  },
];

describe.each(places.flatMap((place) => stores.map((store) => ({ ...place, ...store }))))(
  "verity start on the real testnet checkpoints, $files files ($driver)",
  ({ create, args }) => {
    it("serves the certified real blob of checkpoint 248050771 with its event id, then stops cleanly", async () => {
      const place = await create();
      try {
        const run = startCli(["start", ...args(), "--port", "0", ...place.args]);
        const url = await apiUrl(run);
        await caughtUp(url, LAST);
        await run.waitFor((_, stderr) => stderr.includes("caught up"));

        const response = await fetch(`${url}/v1/blobs/${CERTIFIED_BLOB}`);
        expect(response.status).toBe(200);
        const blob = (await response.json()) as { blobId: string; objects: WalrusObject[] };
        expect(blob.blobId).toBe(CERTIFIED_BLOB);
        const certified = blob.objects.find((o) => o.status === "certified");
        expect(certified).toMatchObject({
          objectId: "0xc63d62dd862cbb60c91ea00d67ac0bb3970650fe21910f29bcd17456c99319aa",
          certifiedEpoch: 182,
          endEpoch: 183,
          certified: {
            checkpoint: 248050771,
            txDigest: "6ukNiSVVC6TtvHFhCkDzA3ascUZVPBuWXQ8855XaJEcH",
            eventIndex: 0,
          },
        });
        const status = (await (await fetch(`${url}/v1/status`)).json()) as { network: string };
        expect(status.network).toBe("testnet");

        run.child.kill("SIGTERM");
        expect(await run.exited).toBe(0);
        expect(errorLines(run.stderr)).toEqual([]);
        const database = await openDatabase(place.open);
        try {
          expect(await readWatermark(database.db, "walrus")).toBe(LAST);
        } finally {
          await database.close();
        }
      } finally {
        await place.drop();
      }
    });
  },
);

describe("verity start, when it cannot", () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it("refuses a busy port in one line before opening the database", async () => {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const dataDir = join(temporary("verity-busy-"), "pglite");
    const result = await runCli([
      "start",
      "--checkpoints",
      TESTNET_CHECKPOINTS,
      "--port",
      String(port),
      "--data-dir",
      dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      `error: port ${port} on 127.0.0.1 is already in use`,
    ]);
    expect(existsSync(dataDir)).toBe(false);
  });

  const unused = join(temporary("verity-bad-"), "pglite");
  it.each([
    [
      ["--grpc", "fullnode:443", "--data-dir", unused],
      "error: --grpc fullnode:443: not an http(s):// full-node URL",
    ],
    [
      ["--checkpoints", "/no/such/dir", "--data-dir", unused],
      "error: --checkpoints /no/such/dir: not a directory, nor an http(s):// checkpoint store URL",
    ],
    [
      ["--network", "tesnet", "--data-dir", unused],
      'error: unknown network "tesnet": use mainnet, testnet, devnet, localnet or a full-node http(s):// URL',
    ],
    [
      ["--checkpoints", TESTNET_CHECKPOINTS, "--database-url", "mysql://root@127.0.0.1/verity"],
      "error: unsupported database URL mysql://root@127.0.0.1/verity: expected postgres://... or postgresql://... (or memory:// for in-memory PGlite)",
    ],
  ])("refuses %j in one line, creating nothing", async (args, line) => {
    const result = await runCli(["start", ...args, "--port", "0"]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([line]);
    expect(existsSync(unused)).toBe(false);
  });

  it("stops at a corrupt checkpoint with one line naming it, keeping the whole batches before it", async () => {
    const dir = temporary("verity-chk-");
    for (const name of readdirSync(TESTNET_CHECKPOINTS))
      copyFileSync(join(TESTNET_CHECKPOINTS, name), join(dir, name));
    const good = readFileSync(join(dir, "258579946.chk"));
    writeFileSync(join(dir, "258579946.chk"), good.subarray(0, good.length - 100));
    const before = readdirSync(dir)
      .map((name) => Number(name.replace(".chk", "")))
      .filter((seq) => seq < 258579946);
    const { url, drop } = await createPostgresDatabase();
    try {
      const result = await runCli([
        "start",
        "--checkpoints",
        dir,
        "--port",
        "0",
        "--network",
        "testnet",
        "--database-url",
        url,
      ]);
      expect(result.code).toBe(1);
      const lines = errorLines(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(join(dir, "258579946.chk"));
      const database = await openDatabase({ url });
      try {
        expect(await readWatermark(database.db, "walrus")).toBe(Math.max(...before));
        expect(await database.db.select().from(walrusBlobEvents)).toHaveLength(2);
      } finally {
        await database.close();
      }
    } finally {
      await drop();
    }
  });

  it("keeps retrying a full node it cannot reach, saying so, and stops cleanly", async () => {
    const node = await closedPortUrl();
    const dataDir = join(temporary("verity-grpc-"), "pglite");
    const run = startCli([
      "start",
      "--network",
      "testnet",
      "--grpc",
      node,
      "--port",
      "0",
      "--data-dir",
      dataDir,
    ]);
    const url = await apiUrl(run);
    await run.waitFor((_, stderr) =>
      stderr.includes(`cannot reach the Sui full node at ${node} (ECONNREFUSED); retrying in`),
    );
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(errorLines(run.stderr)).toEqual([]);
  });
});

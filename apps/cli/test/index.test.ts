/** `verity index` as a user runs it: clear one-line errors and exit codes; nothing half-written. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendOnlyTables, openDatabase, readWatermark, walrusBlobEvents } from "@verity/db";
import { fixtureStore, serveDirectory } from "@verity/test-scenarios";
import { createPostgresDatabase, readTables } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { errorLines, runCli, TESTNET_CHECKPOINTS } from "./support/cli.ts";

const verityIndex = (args: string[]) => runCli(["index", ...args]);

describe("verity index", () => {
  it("says in one line that a checkpoint source does not exist", async () => {
    const result = await verityIndex([
      "--network",
      "testnet",
      "--checkpoints",
      "/no/such/dir",
      "--data-dir",
      "memory://",
    ]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      "error: --checkpoints /no/such/dir: not a directory, nor an http(s):// checkpoint store URL",
    ]);
  });

  it("says in one line that a --committee file does not exist (--committee implies --verify-certificates)", async () => {
    const result = await verityIndex([
      ...["--network", "testnet", "--checkpoints", TESTNET_CHECKPOINTS, "--data-dir", "memory://"],
      ...["--committee", "/no/such/committee.bcs"],
    ]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      "error: --committee /no/such/committee.bcs: no such file",
    ]);
  });

  it("rejects an unknown checkpoint format, naming the two", async () => {
    const result = await verityIndex(["--checkpoint-format", "zst", "--data-dir", "memory://"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/'zst' is invalid\. Allowed choices are binpb\.zst, chk\./);
  });

  it("indexes the same rows from a .binpb.zst store over HTTP as from the .chk directory", async () => {
    const first = 700_000_000n;
    const chk = fixtureStore("testnet", "chk", { first });
    const binpb = fixtureStore("testnet", "binpb.zst", { first });
    const served = await serveDirectory(binpb.directory);
    const range = [
      "--first-checkpoint",
      String(first),
      "--last-checkpoint",
      `${chk.checkpoints.at(-1)}`,
    ];
    const rowsOf = async (...args: string[]) => {
      const { url, drop } = await createPostgresDatabase();
      try {
        const result = await verityIndex([
          "--network",
          "testnet",
          ...args,
          ...range,
          "--database-url",
          url,
        ]);
        expect(errorLines(result.stderr)).toEqual([]);
        expect(result.code).toBe(0);
        const database = await openDatabase({ url });
        try {
          return await readTables(database.db, appendOnlyTables);
        } finally {
          await database.close();
        }
      } finally {
        await drop();
      }
    };
    try {
      const fromChk = await rowsOf("--checkpoints", chk.directory);
      const overHttp = await rowsOf(
        ...["--checkpoints", served.url, "--checkpoint-format", "binpb.zst"],
      );
      expect(fromChk.walrusBlobEvents).toHaveLength(8);
      expect(overHttp).toEqual(fromChk);
      expect(served.requests.every((path) => path.endsWith(".binpb.zst"))).toBe(true);
    } finally {
      await served.close();
    }
  }, 60_000);

  it("rejects an unknown pipeline name", async () => {
    const result = await verityIndex(["--pipelines", "walrus,teleport", "--data-dir", "memory://"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown pipeline teleport \(known: provenance, walrus\)/);
  });

  it("stops at a corrupt checkpoint with one line naming it, keeping everything before it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chk-"));
    for (const seq of [248050771, 248054311])
      copyFileSync(join(TESTNET_CHECKPOINTS, `${seq}.chk`), join(dir, `${seq}.chk`));
    const good = readFileSync(join(TESTNET_CHECKPOINTS, "258579946.chk"));
    writeFileSync(join(dir, "258579946.chk"), good.subarray(0, good.length - 100));
    const { url, drop } = await createPostgresDatabase();
    try {
      const result = await verityIndex([
        "--network",
        "testnet",
        "--checkpoints",
        dir,
        "--database-url",
        url,
      ]);
      expect(result.code).toBe(1);
      const lines = errorLines(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/258579946\.chk/);
      const database = await openDatabase({ url });
      expect(await readWatermark(database.db, "walrus")).toBe(248054311);
      expect(await database.db.select().from(walrusBlobEvents)).toHaveLength(2);
      await database.close();
    } finally {
      await drop();
    }
  });

  it("says which database it cannot reach", async () => {
    const result = await verityIndex([
      "--network",
      "testnet",
      "--checkpoints",
      TESTNET_CHECKPOINTS,
      "--database-url",
      "postgres://verity:secret@127.0.0.1:1/none",
    ]);
    expect(result.code).toBe(1);
    const [line] = errorLines(result.stderr);
    expect(line).toMatch(/127\.0\.0\.1:1/);
    expect(line).not.toMatch(/secret/);
  });
});

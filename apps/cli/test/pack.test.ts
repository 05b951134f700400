/**
 * Verity installs from a registry: the packed CLI and its packages install into an empty
 * directory, `verity --help` runs from the installed bin, the installed CLI indexes real testnet
 * checkpoints and serves them, and the installed sdk's typed client (type-checked against the
 * installed `.d.mts`) reads that API.
 */
import { execFile, spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TESTNET_CHECKPOINTS } from "./support/cli.ts";
import { type Installed, installPacked } from "./support/installed.ts";

const run = promisify(execFile);
let installed: Installed;

beforeAll(async () => {
  installed = await installPacked();
}, 600_000);

describe("the packed CLI, installed from tarballs", () => {
  it("ships dist, its types and the licence, with no workspace: ranges", async () => {
    const { stdout } = await run("npm", ["ls", "--all", "--json"], { cwd: installed.dir });
    const tree = JSON.parse(stdout) as { dependencies: Record<string, { version: string }> };
    expect(Object.keys(tree.dependencies).sort()).toEqual([...installed.packages].sort());
    const sdk = join(installed.dir, "node_modules", "@verity", "sdk");
    const pkg = createRequire(join(sdk, "package.json"))("./package.json") as {
      exports: Record<string, string>;
      files: string[];
    };
    expect(pkg.exports["."]).toBe("./dist/index.mjs");
    for (const name of installed.packages) {
      const licence = join(installed.dir, "node_modules", name, "LICENSE");
      expect(readFileSync(licence, "utf8")).toContain("Apache License");
    }
    expect(JSON.stringify(pkg)).not.toContain("workspace:");
  });

  it("answers --help from the installed bin", async () => {
    const { stdout } = await run(installed.bin, ["--help"], { cwd: installed.dir });
    for (const command of ["start", "index", "serve", "demo", "verify", "inspect", "deploy"]) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  it("indexes real checkpoints, serves them, and the typed client reads them", async () => {
    const dataDir = join(installed.dir, "pglite");
    await run(
      installed.bin,
      [
        "index",
        "--network",
        "testnet",
        "--checkpoints",
        TESTNET_CHECKPOINTS,
        "--data-dir",
        dataDir,
      ],
      { cwd: installed.dir },
    );
    const server = spawn(installed.bin, ["serve", "--data-dir", dataDir, "--port", "0"], {
      cwd: installed.dir,
    });
    try {
      const url = await new Promise<string>((found, failed) => {
        let out = "";
        server.stdout.on("data", (chunk: Buffer) => {
          out += chunk;
          const match = /Verity API at (http:\/\/\S+)/.exec(out);
          if (match?.[1]) found(match[1]);
        });
        server.on("exit", (code) => failed(new Error(`serve exited ${code}: ${out}`)));
      });
      const script = join(installed.dir, "client.ts");
      writeFileSync(
        script,
        [
          'import { createVerityClient } from "@verity/sdk";',
          `const verity = createVerityClient(${JSON.stringify(url)});`,
          'const blobs = await verity.listBlobObjects({ query: { status: "certified" } });',
          "const count: number = blobs.data?.items.length ?? -1;",
          `const missing = await verity.getDataset({ path: { id: "0x${"ab".repeat(32)}" } });`,
          "console.log(JSON.stringify({ count, missing: missing.response.status }));",
          "",
        ].join("\n"),
      );
      await typeCheck(installed.dir, script);
      const { stdout } = await run(
        process.execPath,
        ["--import", createRequire(import.meta.url).resolve("tsx"), script],
        { cwd: installed.dir },
      );
      const answer = JSON.parse(stdout) as { count: number; missing: number };
      expect(answer.count).toBeGreaterThan(0);
      expect(answer.missing).toBe(404);
    } finally {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((done) => server.once("exit", done));
        server.kill("SIGTERM");
        await exited;
      }
    }
  });
});

afterAll(() => rmSync(installed.dir, { recursive: true, force: true }), 120_000);

/** Type-checks `file` against the packages installed in `dir` (their `.d.mts`), strictly. */
async function typeCheck(dir: string, file: string) {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        lib: ["ES2023", "DOM"],
      },
      files: [file],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  await run(process.execPath, [tsc, "-p", dir], { cwd: dir }).catch(
    (error: { stdout?: string }) => {
      throw new Error(`the typed client does not type-check:\n${error.stdout}`);
    },
  );
}

/**
 * `verity demo` as a newcomer runs it: one command, no wallet, no network; then the commands
 * its report suggests work on what it indexed and on the checkpoints it wrote.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_PACKAGE_ID } from "@verity/demo";
import { createPostgresDatabase } from "@verity/testing";
import { afterAll, describe, expect, it } from "vitest";
import { apiUrl, errorLines, runCli, startCli } from "./support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "verity-demo-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The id a report line `  <label>   0x…` gives. */
const idIn = (stdout: string, label: string) => {
  const found = new RegExp(`^  ${label} +(0x[0-9a-f]{64})`, "m").exec(stdout)?.[1];
  if (!found) throw new Error(`no ${label} id in the report:\n${stdout}`);
  return found;
};

describe("verity demo", () => {
  it("indexes the story into its own database and says what to run next", async () => {
    const demo = await runCli(["demo", "--dir", dir]);
    expect(demo.stderr).toMatch(/^indexing \d+ checkpoints/m);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("a SIMULATED chain, with real bytes, blob ids and signatures");
    expect(demo.stdout).toMatch(/vega-datasets@\d+\.\d+\.\d+:data\/penguins\.json/);
    expect(demo.stdout).toMatch(/^Accuracy +\d+\.\d% \(\d+ of \d+ held-out rows\)/m);
    expect(demo.stdout).toContain("offline: Seal encryption skipped");
    const dataDir = join(dir, "pglite");
    expect(demo.stdout).toContain(`pnpm verity serve --data-dir ${dataDir}`);

    const training = idIn(demo.stdout, "training");
    const verify = await runCli(["verify", "attestation", training, "--data-dir", dataDir]);
    expect(verify.stdout).toContain(`attestation ${training}: valid`);
    expect(verify.code).toBe(0);

    // The checkpoints it wrote are certified by the committee it wrote beside them.
    const suggested = /^ {2}pnpm verity (verify checkpoint .+)$/m.exec(demo.stdout)?.[1];
    expect(suggested).toBe(
      `verify checkpoint ${join(dir, "checkpoints", "14.chk")} --committee ${join(dir, "checkpoints", "committee.bcs")}`,
    );
    const certified = await runCli(suggested!.split(" "));
    expect(certified.stdout.trim()).toBe(
      "certified: checkpoint 14, epoch 1, 3 of 4 validators, 7500 of 10000 voting power",
    );
    expect(certified.code).toBe(0);

    // ... so they index with every certificate verified against that committee.
    const { url, drop } = await createPostgresDatabase();
    try {
      const checkpoints = join(dir, "checkpoints");
      const verified = await runCli([
        ...["index", "--network", "localnet", "--checkpoints", checkpoints, "--database-url", url],
        ...["--pipelines", "provenance", "--package-id", DEMO_PACKAGE_ID],
        ...["--verify-certificates", "--committee", join(checkpoints, "committee.bcs")],
      ]);
      expect(verified.stdout).toContain("provenance: watermark 14");
      expect(verified.code).toBe(0);
    } finally {
      await drop();
    }

    // Every node and edge of the model's upstream proves against that committee, in the CLI.
    const serve = startCli(["serve", "--data-dir", dataDir, "--port", "0"]);
    try {
      const url = await apiUrl(serve);
      const model = idIn(demo.stdout, "model");
      const graph = (await (await fetch(`${url}/v1/lineage/${model}`)).json()) as {
        nodes: { event: { proof: string } }[];
        edges: { event: { proof: string } }[];
      };
      const proofs = new Set([...graph.nodes, ...graph.edges].map((x) => x.event.proof));
      expect(proofs.size).toBeGreaterThan(5);
      const committee = join(dir, "checkpoints", "committee.bcs");
      for (const proof of proofs) {
        const proven = await runCli([
          "verify",
          "proof",
          `${url}${proof}`,
          "--committee",
          committee,
        ]);
        expect(proven.stdout, proof).toMatch(/^✓ certificate: .*, 75\.00% of the voting power$/m);
        expect(proven.stdout).toContain(`proven: event ${proof.split("/").at(-1)} of transaction`);
        expect(proven.code).toBe(0);
      }
      // ... and a tampered bundle does not.
      const [first] = proofs;
      const bundle = (await (await fetch(`${url}${first}`)).json()) as { effects: string };
      const effects = Buffer.from(bundle.effects, "base64");
      effects.writeUInt8(effects.readUInt8(0) ^ 1, 0);
      const tampered = join(dir, "tampered.json");
      writeFileSync(tampered, JSON.stringify({ ...bundle, effects: effects.toString("base64") }));
      const refused = await runCli(["verify", "proof", tampered, "--committee", committee]);
      expect(refused.stdout).toMatch(/^✗ effects: effects digest \w+, the contents list \w+$/m);
      expect(refused.code).toBe(1);
    } finally {
      serve.child.kill("SIGTERM");
      await serve.exited;
    }

    const again = await runCli(["demo", "--dir", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("(already there: nothing new)");
    expect(idIn(again.stdout, "model")).toBe(idIn(demo.stdout, "model"));

    // --reset starts the demo's own database afresh, and deletes nothing else in its directory.
    writeFileSync(join(dir, "notes.txt"), "mine");
    const reset = await runCli(["demo", "--dir", dir, "--reset"]);
    expect(reset.code).toBe(0);
    expect(reset.stdout).not.toContain("already there");
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
  }, 300_000);

  it("refuses --reset with another database, in one line", async () => {
    const run = await runCli(["demo", "--reset", "--database-url", "postgres://nowhere/x"]);
    expect(run.code).not.toBe(0);
    expect(errorLines(run.stderr)).toEqual([
      "error: option '--reset' cannot be used with option '--database-url <url>'",
    ]);
  });
});

/**
 * `verity audit` as a release gate runs it, on what `verity demo` indexed: the demo's model
 * fails consent on the raw dataset's retraction (exit 1), passes as of the checkpoint before it
 * (exit 0); errors exit 2. Markdown and JSON reports, to standard output or a file. Then
 * `verity training-summary` of the demo's model, field by field.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorLines, runCli } from "./support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "verity-audit-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = join(dir, "pglite");
/** A policy allowing the demo's license (the penguins are CC0-1.0). */
const policy = join(dir, "policy.yaml");
writeFileSync(policy, "licenses:\n  allowed: [CC0-1.0]\n");

/** The demo's ids, from its report's `Ids to try`. */
const ids: Record<string, string> = {};
/** The checkpoint of the demo's last transaction: the retraction. */
let lastCheckpoint: number;
beforeAll(async () => {
  const demo = await runCli(["demo", "--dir", dir]);
  expect(demo.code).toBe(0);
  for (const [, label, id] of demo.stdout.matchAll(/^ {2}(\S.*?) +(0x[0-9a-f]{64})/gm))
    ids[label!] = id!;
  lastCheckpoint = Number(/^Checkpoints 0-(\d+) /m.exec(demo.stdout)?.[1]);
}, 300_000);

interface Report {
  verdict: string;
  asOf: number | null;
  rules: {
    rule: string;
    passed: boolean;
    findings: {
      node?: string;
      reason: string;
      event: { checkpoint: number; txDigest: string; eventIndex: number; proof: string } | null;
    }[];
  }[];
}

describe("verity audit", () => {
  it("fails the demo's model on the retraction, naming the dataset and its event: exit 1", async () => {
    const { model, "raw dataset": raw } = ids;
    const json = await runCli([
      "audit",
      model!,
      "--policy",
      policy,
      "--format",
      "json",
      "--data-dir",
      dataDir,
    ]);
    expect(json).toMatchObject({ code: 1, stderr: "" });
    const report = JSON.parse(json.stdout) as Report;
    expect(report).toMatchObject({ verdict: "fail", asOf: null });
    expect(report.rules.map((r) => [r.rule, r.passed])).toEqual([
      ["limits", true],
      ["licenses", true],
      ["consent", false],
      ["attestation", true],
    ]);
    const consent = report.rules.find((r) => r.rule === "consent")!;
    const retraction = consent.findings.find((f) => f.node === raw)!;
    expect(retraction.reason).toContain("was retracted: demo: the data steward withdrew");
    const { checkpoint, txDigest, eventIndex, proof } = retraction.event!;
    expect(checkpoint).toBe(lastCheckpoint);
    expect(proof).toBe(`/v1/proofs/${txDigest}/${eventIndex}`);
    // Everything it fed is tainted, each finding pointing at that retraction.
    expect(consent.findings.find((f) => f.node === ids["cleaned dataset"])?.event).toEqual(
      retraction.event,
    );

    const md = await runCli(["audit", model!, "--policy", policy, "--data-dir", dataDir]);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain(`# Audit of model \`${model}\` (penguin-species-logreg)`);
    expect(md.stdout).toContain("**Verdict: FAIL**, on everything indexed.");
    expect(md.stdout).toContain("| consent | FAIL |");
    expect(md.stdout).toMatch(
      new RegExp(
        `^- dataset ${raw} \\(palmer-penguins .*\\) was retracted: .*\\(checkpoint ${checkpoint}, transaction \`${txDigest}\`, event ${eventIndex}; proof \`${proof}\`\\)$`,
        "m",
      ),
    );

    const htmlFile = join(dir, "audit.html");
    const html = await runCli([
      ...["audit", model!, "--policy", policy, "--format", "html", "--out", htmlFile],
      ...["--data-dir", dataDir],
    ]);
    expect(html).toMatchObject({ code: 1, stdout: "" });
    const page = readFileSync(htmlFile, "utf8");
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<span class="verdict fail">FAIL</span>');
    expect(page).toContain(`<code>${proof}</code>`);
  });

  it("passes the same policy as of the checkpoint before the retraction: exit 0, report to a file", async () => {
    const out = join(dir, "before.json");
    const before = await runCli([
      ...["audit", ids.model!, "--policy", policy, "--as-of", String(lastCheckpoint - 1)],
      ...["--format", "json", "--out", out, "--data-dir", dataDir],
    ]);
    expect(before).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(report).toMatchObject({ verdict: "pass", asOf: lastCheckpoint - 1 });
    expect(report.rules.every((r) => r.passed && r.findings.length === 0)).toBe(true);
  });

  it("fails the held-out dataset's self-recorded split under the default policy", async () => {
    const heldOut = await runCli([
      "audit",
      ids["held-out dataset"]!,
      "--format",
      "json",
      "--data-dir",
      dataDir,
    ]);
    expect(heldOut.code).toBe(1);
    const attestation = (JSON.parse(heldOut.stdout) as Report).rules.find(
      (r) => r.rule === "attestation",
    )!;
    expect(attestation.passed).toBe(false);
    expect(attestation.findings.map((f) => f.reason).join("\n")).toContain(
      "claimed by its submitter, not signed by an attester",
    );
  });

  it("exits 2 on an error, saying what is wrong in one line", async () => {
    const badPolicy = join(dir, "bad.json");
    writeFileSync(badPolicy, JSON.stringify({ licenses: { allowed: ["GPL"] }, availability: {} }));
    const cases: [string[], string][] = [
      [["--policy", badPolicy], `error: ${badPolicy}: invalid audit policy:`],
      [
        ["--policy", join(dir, "absent.yaml")],
        `error: cannot read the policy ${join(dir, "absent.yaml")}`,
      ],
      [["--format", "xml"], "error: option '--format <format>' argument 'xml' is invalid"],
      [["--as-of", "soon"], "error: option '--as-of <checkpoint>' argument 'soon' is invalid"],
    ];
    for (const [args, error] of cases) {
      const run = await runCli(["audit", ids.model!, ...args, "--data-dir", dataDir]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(errorLines(run.stderr)[0]).toContain(error);
    }
    const unknown = await runCli(["audit", `0x${"0".repeat(63)}1`, "--data-dir", dataDir]);
    expect(unknown.code).toBe(2);
    expect(errorLines(unknown.stderr)[0]).toContain(`nothing had id 0x${"0".repeat(63)}1`);
    const nowhere = join(dir, "no-database");
    const missing = await runCli(["audit", ids.model!, "--data-dir", nowhere]);
    expect(missing.code).toBe(2);
    expect(errorLines(missing.stderr)).toEqual([
      `error: no database at ${nowhere}: index first (verity index or start)`,
    ]);
    expect(existsSync(nowhere)).toBe(false);
  });
});

describe("verity training-summary", () => {
  /** A fact with its event, as the JSON draft gives it. */
  const fact = (value: unknown) => ({
    value,
    event: expect.objectContaining({ proof: expect.stringMatching(/^\/v1\/proofs\//) }),
  });
  const toFill = { value: null, notOnChain: expect.any(String) };

  it("drafts the demo model's summary from the chain, marking what the chain cannot fill", async () => {
    const {
      model,
      "raw dataset": raw,
      "cleaned dataset": clean,
      transform,
      training,
      attester,
    } = ids;
    const run = await runCli([
      "training-summary",
      model!,
      "--format",
      "json",
      "--data-dir",
      dataDir,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const summary = JSON.parse(run.stdout);
    expect(summary.template).toContain("Article 53(1)(d) AI Act), July 2025");
    // 1. General information
    expect(summary.general.provider).toEqual({
      address: fact(expect.stringMatching(/^0x[0-9a-f]{64}$/)),
      name: toFill,
      contact: toFill,
    });
    expect(summary.general.model).toEqual({
      id: model,
      name: fact("penguin-species-logreg"),
      architecture: fact(expect.stringContaining("logistic-regression")),
      framework: fact(expect.stringContaining("ml-logistic-regression")),
      generative: fact(false),
      baseModel: fact(null),
      registered: fact(expect.stringMatching(/^2025-06-02T/)),
      placedOnMarket: toFill,
    });
    expect(summary.general.modalities).toEqual({ mediaTypes: ["text/csv"], modalities: ["text"] });
    expect(summary.general.trainingDataSize).toEqual({ datasets: 1, bytes: 13122 });
    expect(summary.general.latestDataDate).toMatch(/^2025-06-02T/);
    expect(summary.general.linguisticCharacteristics).toEqual(toFill);
    // 2. Data sources: the raw penguins (retracted) and the cleaned CSV the model was trained on
    const [rawSource, cleaned] = summary.dataSources.datasets;
    expect(rawSource).toMatchObject({
      id: raw,
      role: "source",
      license: "CC0-1.0",
      sizeBytes: 67119,
      mediaType: "application/json",
      derivedFrom: [],
      retracted: {
        value: { reason: expect.stringContaining("withdrew") },
        event: { checkpoint: lastCheckpoint },
      },
    });
    expect(cleaned).toMatchObject({
      id: clean,
      name: "palmer-penguins-clean (complete records, CSV)",
      role: "trainedOn",
      license: "CC0-1.0",
      sizeBytes: 13122,
      mediaType: "text/csv",
      derivedFrom: [raw],
      retracted: null,
    });
    expect(summary.dataSources.categories).toEqual(toFill);
    // 3. Processing: the signed transform and training, and each dataset's reservations
    expect(
      summary.processing.activities.map(
        (a: { id: string; kind: string; attester: { id: string } }) => [
          a.kind,
          a.id,
          a.attester.id,
        ],
      ),
    ).toEqual([
      ["transform", transform, attester],
      ["training", training, attester],
    ]);
    expect(summary.processing.textAndDataMiningReservations).toEqual([
      expect.objectContaining({
        dataset: raw,
        dataMining: "constrained",
        aiTraining: "constrained",
      }),
      expect.objectContaining({ dataset: clean, aiTraining: "constrained" }),
    ]);
    expect(summary.processing.illegalContentRemoval).toEqual(toFill);
    expect(summary.notOnChain).toHaveLength(6);

    const md = await runCli(["training-summary", model!, "--data-dir", dataDir]);
    expect(md.code).toBe(0);
    for (const heading of [
      "## 1. General information",
      "## 2. List of data sources",
      "## 3. Relevant data processing aspects",
    ])
      expect(md.stdout).toContain(heading);
    expect(md.stdout).toContain("- Training data: 1 dataset, 13122 bytes");
    expect(md.stdout).toContain("- Name: **to be completed by the provider**");
    expect(md.stdout).toMatch(
      new RegExp(
        `^\\| palmer-penguins-clean .*\`${clean}\` \\| trained on \\| CC0-1.0 \\| 13122 \\| text/csv \\|`,
        "m",
      ),
    );
  });

  it("says there is no such model", async () => {
    const run = await runCli(["training-summary", ids["raw dataset"]!, "--data-dir", dataDir]);
    expect(run.code).toBe(1);
    expect(errorLines(run.stderr)[0]).toContain(`no model ${ids["raw dataset"]} is indexed`);
  });
});

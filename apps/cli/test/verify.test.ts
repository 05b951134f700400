/**
 * `verity verify blob|attestation` as a user runs them, with no network: a file's identity, and
 * attestations signed with real Ed25519 keys, re-checked from a database filled through the
 * indexer's write path.
 */

import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { openDatabase } from "@verity/db";
import { indexCheckpoints, provenanceProcessor } from "@verity/indexer";
import { walrusBlobIdOf } from "@verity/sdk/walrus";
import {
  ATTESTATION_SCENARIO_PACKAGE,
  ATTESTATIONS,
  attestationScenario,
  DATASET,
  ENCLAVE,
} from "@verity/test-scenarios";
import { createPostgresDatabase } from "@verity/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorLines, runCli } from "./support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "verity-verify-"));
const content = new Uint8Array(randomBytes(1000));
const file = join(dir, "content.bin");
writeFileSync(file, content);
const { blobId, u256 } = walrusBlobIdOf(content);
const sha256 = createHash("sha256").update(content).digest("hex");
/** A PGlite data directory that does not exist. */
const nowhere = join(dir, "no-database");

let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
beforeAll(async () => {
  database = await createPostgresDatabase();
  const open = await openDatabase({ url: database.url });
  try {
    await indexCheckpoints(open.db, await attestationScenario(blobId, content.length), [
      provenanceProcessor({ network: "testnet", packageIds: [ATTESTATION_SCENARIO_PACKAGE] }),
    ]);
  } finally {
    await open.close();
  }
});
afterAll(() => database.drop());

describe("verity verify blob", () => {
  it("prints the blob id and SHA-256, and says there is no database without creating one", async () => {
    const result = await runCli(["verify", "blob", file, "--data-dir", nowhere]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.split("\n")).toEqual([
      `blob id  ${blobId} (u256 ${u256})`,
      `sha-256  ${sha256}`,
      "size     1000 bytes",
      `no database at ${nowhere}: registered datasets and models not checked`,
      "",
    ]);
    expect(existsSync(nowhere)).toBe(false);
  });

  it.each([
    ["base64url", blobId],
    ["decimal u256", u256.toString()],
  ])("exits 0 when --blob-id matches (%s)", async (_, given) => {
    const result = await runCli([
      "verify",
      "blob",
      file,
      "--blob-id",
      given,
      "--data-dir",
      nowhere,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`✓ matches --blob-id ${blobId}\n`);
  });

  it("exits 1 when --blob-id does not match", async () => {
    const other = walrusBlobIdOf(new Uint8Array(1)).blobId;
    const result = await runCli([
      "verify",
      "blob",
      file,
      "--blob-id",
      other,
      "--data-dir",
      nowhere,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✗ does not match --blob-id ${other}\n`);
    expect(result.stdout).toContain(`blob id  ${blobId}`);
  });

  it("names the dataset registered under the content, with its event id", async () => {
    const result = await runCli(["verify", "blob", file, "--database-url", database.url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `✓ registered as dataset ${DATASET.id} "${DATASET.name}" \\(checkpoint 10, transaction \\S+, event 0\\)`,
      ),
    );
  });

  it("says when nothing is registered under the content", async () => {
    const other = join(dir, "other.bin");
    writeFileSync(other, "not registered");
    const result = await runCli(["verify", "blob", other, "--database-url", database.url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("no dataset or model is registered under this content in ");
  });

  it.each([
    [
      ["verify", "blob", join(dir, "missing.bin")],
      `error: ${join(dir, "missing.bin")}: no such file`,
    ],
    [["verify", "blob", dir], `error: ${dir}: not a regular file`],
    [
      ["verify", "blob", file, "--blob-id", "xyz"],
      "error: option '--blob-id <id>' argument 'xyz' is invalid. expected a Walrus blob id: 43 URL-safe base64 characters or a decimal u256",
    ],
  ])("refuses %j in one line", async (args, line) => {
    const result = await runCli([...args, "--data-dir", nowhere]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([line]);
  });
});

describe("verity verify attestation", () => {
  const verify = (id: string) =>
    runCli(["verify", "attestation", id, "--database-url", database.url]);

  it("passes a real signature by the key in force, printing every check", async () => {
    const result = await verify(ATTESTATIONS.good);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe(`attestation ${ATTESTATIONS.good}: valid`);
    expect(lines[1]).toBe("attester: a plain key");
    expect(lines.slice(2).map((line) => line.split(":")[0])).toEqual([
      "✓ signed",
      "✓ key-in-force",
      "✓ signature",
      "✓ not-revoked",
    ]);
  });

  it("fails a forged signature with exit code 1", async () => {
    const result = await verify(ATTESTATIONS.tampered);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`attestation ${ATTESTATIONS.tampered}: INVALID\n`);
    expect(result.stdout).toMatch(/^✓ key-in-force: /m);
    expect(result.stdout).toMatch(/^✗ signature: .* does not verify with key [0-9a-f]{64}$/m);
  });

  it("says that an enclave signed, and which enclave config", async () => {
    const result = await verify(ATTESTATIONS.enclave);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `attestation ${ATTESTATIONS.enclave}: valid\nattester: an enclave (enclave config ${ENCLAVE.configId})\n`,
    );
  });

  it("fails a signature over another SHA-256 of an output blob", async () => {
    const result = await verify(ATTESTATIONS.swapped);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ signature: .* does not verify with key [0-9a-f]{64}$/m);
  });

  it("fails an unsigned attestation", async () => {
    const result = await verify(ATTESTATIONS.unsigned);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`attestation ${ATTESTATIONS.unsigned}: unsigned\n✗ signed: `);
  });

  it("says in one line that an attestation is not indexed", async () => {
    const result = await verify("0xbad");
    expect(result.code).toBe(1);
    const [line, ...more] = errorLines(result.stderr);
    expect(more).toEqual([]);
    expect(line).toMatch(`error: no attestation ${normalizeSuiAddress("0xbad")} is indexed in `);
    expect(line).toContain(new URL(database.url).pathname);
  });

  it("says in one line that there is no database", async () => {
    const result = await runCli([
      "verify",
      "attestation",
      ATTESTATIONS.good,
      "--data-dir",
      nowhere,
    ]);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      `error: no database at ${nowhere}: index first (verity index or start)`,
    ]);
    expect(existsSync(nowhere)).toBe(false);
  });
});

/**
 * The OpenAPI document other apps generate clients from: it passes Redocly's recommended rules
 * with no error and no warning, `/openapi.json` serves it, and the sdk's client generated from it
 * (`packages/sdk/src/client/`) is current and compiles (`client.test.ts` runs it against a served
 * API).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../src/app.ts";
import { generateSdkClient, SDK_CLIENT_DIR } from "../src/sdk-client.ts";
import { startTestApi, type TestApi } from "./support/api.ts";

/** Every file under `dir`, by path relative to it, with its text. */
async function filesUnder(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = await readFile(path, "utf8");
  }
  return files;
}

describe("the OpenAPI document", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it("is what /openapi.json serves", async () => {
    const served = await api.get("/openapi.json");
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("passes Redocly's recommended rules: no error, no warning", async () => {
    const problems = await lintFromString({
      source: JSON.stringify(openApiDocument()),
      config: await createConfig({ extends: ["recommended"] }),
    });
    const found = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? "document"})`,
    );
    expect(found).toEqual([]);
  });

  it("names every operation with a unique camelCase operationId", () => {
    const ids = Object.values(openApiDocument().paths ?? {}).flatMap((item) =>
      ["get", "post", "put", "patch", "delete"].flatMap((method) => {
        const id = (item as Record<string, { operationId?: string } | undefined>)[method]
          ?.operationId;
        return id === undefined ? [] : [id];
      }),
    );
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("the sdk's client generated from it", () => {
  const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
  let scratch: string;
  let fresh: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "verity-sdk-client-"));
    await writeFile(join(scratch, "package.json"), JSON.stringify({ type: "module" }));
    fresh = join(scratch, "client");
    await generateSdkClient(fresh);
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it("is committed as generated from the current document (else: pnpm client:generate)", async () => {
    expect(await filesUnder(SDK_CLIENT_DIR)).toEqual(await filesUnder(fresh));
  });

  it("compiles under the repository's compiler options, without the DOM lib", async () => {
    const { config } = ts.readConfigFile(repo("tsconfig.base.json"), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, scratch);
    options.typeRoots = [repo("node_modules/@types")];
    const roots = Object.keys(await filesUnder(fresh)).map((file) => join(fresh, file));
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(roots, options));
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual(
      [],
    );
  });
});

/**
 * Generates `@verity/sdk`'s API client from the OpenAPI document with `@hey-api/openapi-ts`: the
 * types of every request and answer, and a `VerityApi` class with one method per operation (named
 * by its `operationId`) over hey-api's fetch client, which runs in Node and browsers and needs no
 * package. Developer tooling, never served: `pnpm client:generate` runs this module, which writes
 * `packages/sdk/src/client/`.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@hey-api/openapi-ts";
import { openApiDocument } from "./app.ts";

/** Where `@verity/sdk` keeps the generated client (absolute path). */
export const SDK_CLIENT_DIR = fileURLToPath(
  new URL("../../../packages/sdk/src/client", import.meta.url),
);

/**
 * Writes the client generated from the current OpenAPI document into `outputDir`, replacing what
 * the directory held. Imports between its files end in `.ts`, as the sdk's own do.
 *
 * @throws the generator's error when the document cannot be turned into a client; Error when the
 *   generated fetch client no longer has the `BodyInit` casts `typeWithoutDom` rewrites
 */
export async function generateSdkClient(outputDir: string = SDK_CLIENT_DIR): Promise<void> {
  await createClient({
    input: { path: openApiDocument() },
    output: { path: outputDir, clean: true, module: { extension: ".ts" }, tsConfigPath: null },
    logs: { level: "warn", file: false },
    plugins: [
      "@hey-api/typescript",
      {
        name: "@hey-api/sdk",
        operations: { strategy: "single", containerName: "VerityApi", methods: "instance" },
      },
      "@hey-api/client-fetch",
    ],
  });
  await typeWithoutDom(join(outputDir, "client", "client.gen.ts"));
}

/**
 * The DOM's `BodyInit | null | undefined`, which Node's types (no DOM lib) lack, in the fetch
 * client's SSE casts (hey-api/hey-api#2539), as `RequestInit["body"]`: the same type from
 * `RequestInit`, which both the DOM's and Node's types declare.
 */
async function typeWithoutDom(file: string): Promise<void> {
  const DOM_ONLY = "BodyInit | null | undefined";
  const source = await readFile(file, "utf8");
  if (!source.includes(DOM_ONLY)) {
    throw new Error(`${file} no longer casts to ${DOM_ONLY}: check hey-api/hey-api#2539`);
  }
  await writeFile(file, source.replaceAll(DOM_ONLY, "RequestInit['body']"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await generateSdkClient();
  console.log(`generated the sdk's client in ${SDK_CLIENT_DIR}`);
}

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { entitiesByContent } from "@verity/db";
import { normalizeBlobId, walrusBlobIdOf } from "@verity/sdk/walrus";
import { openExistingDatabase } from "../../existing-database.ts";
import type { DatabaseOptions } from "../../options.ts";

/**
 * Largest file `verify blob` reads, bytes (512 MiB): Walrus's encoder computes the blob id with
 * the whole file and its encoding in memory (the cost at this size: README, Measurements).
 */
export const MAX_BLOB_FILE_BYTES = 512 * 2 ** 20;

/**
 * Parses `--blob-id`: URL-safe base64 or a decimal u256, as base64url (here rather than in the
 * option's parser, which would load Walrus's encoder for every command).
 *
 * @throws Error in commander's words for an invalid option argument
 */
function blobIdArgument(value: string): string {
  const blobId = normalizeBlobId(value);
  if (blobId === undefined)
    throw new Error(
      `option '--blob-id <id>' argument '${value}' is invalid. expected a Walrus blob id: 43 URL-safe base64 characters or a decimal u256`,
    );
  return blobId;
}

/**
 * Prints `blob id`, `sha-256` and `size` of `file`, a ✓/✗ line for `--blob-id`, then the
 * registered entities, or why they were not looked up (no database). Sets exit code 1 when
 * `--blob-id` does not match.
 *
 * @throws Error with one line when the file cannot be read or exceeds MAX_BLOB_FILE_BYTES, or
 *   when the PostgreSQL database given cannot be reached
 */
export async function verifyBlob(file: string, options: DatabaseOptions & { blobId?: string }) {
  const expected = options.blobId === undefined ? undefined : blobIdArgument(options.blobId);
  const { bytes, sha256 } = await readFile(file);
  const { blobId, u256 } = walrusBlobIdOf(bytes);
  console.log(`blob id  ${blobId} (u256 ${u256})`);
  console.log(`sha-256  ${sha256}`);
  console.log(`size     ${bytes.length} bytes`);
  if (expected !== undefined) {
    const match = expected === blobId;
    console.log(
      match ? `✓ matches --blob-id ${expected}` : `✗ does not match --blob-id ${expected}`,
    );
    if (!match) process.exitCode = 1;
  }
  const opened = await openExistingDatabase(options);
  if ("missing" in opened) {
    console.log(`no database at ${opened.missing}: registered datasets and models not checked`);
    return;
  }
  const { database } = opened;
  try {
    const matches = await entitiesByContent(database.db, blobId, sha256);
    for (const { kind, id, name, event } of matches)
      console.log(
        `✓ registered as ${kind} ${id} "${name}" (checkpoint ${event.checkpoint}, transaction ${event.txDigest}, event ${event.eventIndex})`,
      );
    if (matches.length === 0)
      console.log(`no dataset or model is registered under this content in ${database.location}`);
  } finally {
    await database.close();
  }
}

/**
 * The bytes of `file` and their SHA-256 (lowercase hex), hashed as they stream in.
 *
 * @throws Error naming the file when it is missing, not a regular file, unreadable, or larger
 *   than MAX_BLOB_FILE_BYTES
 */
async function readFile(file: string): Promise<{ bytes: Uint8Array; sha256: string }> {
  const stats = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  if (!stats.isFile()) throw new Error(`${file}: not a regular file`);
  if (stats.size > MAX_BLOB_FILE_BYTES)
    throw new Error(
      `${file}: ${stats.size} bytes, more than the ${MAX_BLOB_FILE_BYTES} bytes verify blob reads`,
    );
  const sha = createHash("sha256");
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    sha.update(chunk);
    chunks.push(chunk);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks)), sha256: sha.digest("hex") };
}

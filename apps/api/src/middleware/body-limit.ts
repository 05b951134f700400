/** Request body caps: JSON bodies as middleware, raw uploads while the handler streams them. */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ApiEnv } from "../context.ts";
import { ProblemError, problem } from "../problem.ts";
import { perDeps } from "./per-deps.ts";

/** Default cap of a JSON (or any non-`application/octet-stream`) request body: 64 KiB. */
export const DEFAULT_JSON_BYTES = 64 * 1024;

/** Default cap of a raw upload (`/v1/verify/blob`): 32 MiB. */
export const DEFAULT_BLOB_BYTES = 32 * 1024 * 1024;

const isOctetStream = (c: Context) =>
  (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase() ===
  "application/octet-stream";

const limiter = perDeps((deps) => {
  const maxSize = deps.limits?.jsonBytes ?? DEFAULT_JSON_BYTES;
  return bodyLimit({
    maxSize,
    onError: (c) =>
      problem(c, 413, "body-too-large", `request bodies are limited to ${maxSize} bytes`),
  });
});

/**
 * Answers 413 (`body-too-large`) to a request whose body, other than `application/octet-stream`,
 * is larger than `deps.limits.jsonBytes` (by its Content-Length, or counted while it is read).
 * Raw uploads are capped by their handler with `readCapped`.
 */
export const jsonBodyLimit: MiddlewareHandler<ApiEnv> = (c, next) =>
  isOctetStream(c) ? next() : limiter(c.var.deps)(c, next);

/**
 * Reads a request body as it streams, calling `onChunk` for each chunk, and stops as soon as
 * more than `maxBytes` arrived (an over-long Content-Length is refused before reading).
 *
 * @returns the whole body and its size in bytes
 * @throws ProblemError 413 `body-too-large` past `maxBytes`
 */
export async function readCapped(
  request: Request,
  maxBytes: number,
  onChunk: (chunk: Uint8Array) => void = () => {},
): Promise<{ bytes: Uint8Array; size: number }> {
  const tooLarge = () =>
    new ProblemError(413, "body-too-large", `uploads are limited to ${maxBytes} bytes`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      onChunk(value);
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, size };
}

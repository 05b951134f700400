/**
 * Static files served as they are, from this package or from installed packages (Cytoscape.js,
 * swagger-ui-dist), so no page of the API needs a CDN. Each file is read once, when it is
 * declared (as its module loads), so a missing file fails the server's start rather than a
 * request. An asset made by code (a bundle) is a {@link LazyAsset}: made on its first request.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Hono } from "hono";
import { etag } from "hono/etag";
import { getMimeType } from "hono/utils/mime";

/** A file's text (UTF-8) and the response headers it is served with. */
export interface Asset {
  body: string;
  /**
   * `content-type` (by the file name's extension, from Hono's MIME table, e.g.
   * `text/javascript; charset=utf-8`), `cache-control: no-cache` (browsers revalidate each use),
   * a strong `etag` (SHA-1 of the text) and `x-content-type-options: nosniff`.
   */
  headers: Record<string, string>;
}

/**
 * Reads the text file at `path` (a path or a `file:` URL).
 *
 * @throws Error `no content type for <path>` when Hono's MIME table lacks its extension; Node's
 *   ENOENT when there is no such file
 */
export const fileAsset = (path: string | URL): Asset =>
  textAsset(String(path), readFileSync(path, "utf8"));

/**
 * The text `body` served as a file named `name` (a path or a plain name: `verify.js`) is.
 *
 * @throws Error `no content type for <name>` when Hono's MIME table lacks its extension
 */
export function textAsset(name: string, body: string): Asset {
  const contentType = getMimeType(name);
  if (contentType === undefined) throw new Error(`no content type for ${name}`);
  return {
    body,
    headers: {
      "content-type": contentType,
      "cache-control": "no-cache",
      etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
      "x-content-type-options": "nosniff",
    },
  };
}

/**
 * `fileAsset` of the files beside the module at `moduleUrl` (pass `import.meta.url`), by name:
 * a page's own HTML, scripts and stylesheets.
 */
export const assetsBeside =
  (moduleUrl: string) =>
  (name: string): Asset =>
    fileAsset(new URL(`./${name}`, moduleUrl));

/**
 * Reads a file of an installed package: `specifier` (e.g. `swagger-ui-dist/swagger-ui.css`) is
 * resolved as `require.resolve` does from the module `from` (default: this package, for its own
 * dependencies; a dependency's path or URL for one of that dependency's dependencies).
 *
 * @throws Error MODULE_NOT_FOUND when the package or file is not installed; as {@link fileAsset}
 */
export const packageAsset = (specifier: string, from: string | URL = import.meta.url): Asset =>
  fileAsset(createRequire(from).resolve(specifier));

/** An asset made on its first request (a bundle: see `explorer/verifier.ts`), then kept. */
export type LazyAsset = () => Promise<Asset>;

/**
 * The {@link LazyAsset} that `make` makes: once, on the first call, and kept; when making fails
 * the calls waiting for it fail with its error, and the next call tries again.
 */
export function lazyAsset(make: () => Promise<Asset>): LazyAsset {
  let made: Promise<Asset> | undefined;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return made;
  };
}

/**
 * A router answering `GET` (and `HEAD`) at each path of `assets` (`/`, `/swagger-ui.css`, ...)
 * with that asset (a lazy one made first: its error is the app's 500); other paths fall through
 * to the app's 404. A request whose `If-None-Match` names the asset's ETag gets 304 with no body.
 */
export function assetRoutes(assets: Record<string, Asset | LazyAsset>): Hono {
  const router = new Hono();
  for (const [path, source] of Object.entries(assets)) {
    router.get(path, etag(), async (c) => {
      const asset = typeof source === "function" ? await source() : source;
      return c.body(asset.body, 200, asset.headers);
    });
  }
  return router;
}

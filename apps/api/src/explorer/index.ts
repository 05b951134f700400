import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Hono } from "hono";
import type { ApiEnv } from "../context.ts";

/**
 * The graph explorer: one HTML page with plain ES modules and CSS (no build step), and
 * Cytoscape.js served from our own `node_modules` (no CDN). Everything is read once, when this
 * module loads, so a missing file fails the server's start rather than a request.
 */
const read = (name: string) => readFileSync(new URL(name, import.meta.url), "utf8");
const cytoscapeFile = createRequire(import.meta.url).resolve("cytoscape/dist/cytoscape.min.js");

const assets = {
  page: read("./index.html"),
  style: read("./explorer.css"),
  cytoscape: readFileSync(cytoscapeFile, "utf8"),
};

/** The page's ES modules, by the name under `/assets/`: the entry point and what it imports. */
const modules = new Map(
  ["explorer.js", "dom.js", "walrus.js"].map((name) => [name, read(`./${name}`)]),
);

/**
 * The page loads only same-origin scripts and data; inline styles are allowed because
 * Cytoscape injects a one-line stylesheet for its container.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const headers = (contentType: string) => ({
  "content-type": contentType,
  "cache-control": "no-cache",
  "x-content-type-options": "nosniff",
});

/** `/` (the explorer page) and `/assets/*` (its modules, stylesheet and Cytoscape.js). */
export const explorer = new Hono<ApiEnv>()
  .get("/", (c) =>
    c.body(assets.page, 200, {
      ...headers("text/html; charset=utf-8"),
      "content-security-policy": CSP,
      "referrer-policy": "no-referrer",
    }),
  )
  .get("/assets/explorer.css", (c) => c.body(assets.style, 200, headers("text/css; charset=utf-8")))
  .get("/assets/cytoscape.min.js", (c) =>
    c.body(assets.cytoscape, 200, headers("text/javascript; charset=utf-8")),
  )
  .get("/assets/:module{[a-z]+\\.js}", (c) => {
    const script = modules.get(c.req.param("module"));
    return script === undefined
      ? c.notFound()
      : c.body(script, 200, headers("text/javascript; charset=utf-8"));
  });

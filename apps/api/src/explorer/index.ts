import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Hono } from "hono";
import type { ApiEnv } from "../context.ts";

/**
 * The graph explorer: one HTML page with plain ES modules and CSS (no build step), and
 * Cytoscape.js with its dagre layout served from our own `node_modules` (no CDN). Everything is
 * read once, when this module loads, so a missing file fails the server's start rather than a
 * request.
 */
const read = (name: string) => readFileSync(new URL(name, import.meta.url), "utf8");
const require = createRequire(import.meta.url);
/** dagre is cytoscape-dagre's dependency (not ours), so it is resolved from there. */
const dagreFile = createRequire(require.resolve("cytoscape-dagre")).resolve(
  "dagre/dist/dagre.min.js",
);

const assets = {
  page: read("./index.html"),
  style: read("./explorer.css"),
};

/**
 * The page's scripts, by the name under `/assets/`: its ES modules (the entry point and what it
 * imports) and the libraries it loads first as classic scripts (`window.cytoscape`,
 * `window.dagre`, then cytoscape-dagre, which registers the `dagre` layout on Cytoscape).
 */
const scripts = new Map<string, string>([
  ...["explorer.js", "dom.js", "graph.js", "walrus.js"].map(
    (name) => [name, read(`./${name}`)] as const,
  ),
  ["cytoscape.min.js", readFileSync(require.resolve("cytoscape/dist/cytoscape.min.js"), "utf8")],
  ["dagre.min.js", readFileSync(dagreFile, "utf8")],
  ["cytoscape-dagre.js", readFileSync(require.resolve("cytoscape-dagre"), "utf8")],
]);

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

/** `/` (the explorer page) and `/assets/*` (its stylesheet, modules and libraries). */
export const explorer = new Hono<ApiEnv>()
  .get("/", (c) =>
    c.body(assets.page, 200, {
      ...headers("text/html; charset=utf-8"),
      "content-security-policy": CSP,
      "referrer-policy": "no-referrer",
    }),
  )
  .get("/assets/explorer.css", (c) => c.body(assets.style, 200, headers("text/css; charset=utf-8")))
  .get("/assets/:script{[a-z.-]+\\.js}", (c) => {
    const script = scripts.get(c.req.param("script"));
    return script === undefined
      ? c.notFound()
      : c.body(script, 200, headers("text/javascript; charset=utf-8"));
  });

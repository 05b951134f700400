/**
 * The graph explorer: one HTML page with plain ES modules and CSS (no build step), and
 * Cytoscape.js with its dagre layout served from our own `node_modules` (no CDN), all read when
 * this module loads (`../assets.ts`).
 */
import { createRequire } from "node:module";
import { assetRoutes, assetsBeside, packageAsset } from "../assets.ts";
import { securePage } from "../page-security.ts";

/** One of the page's own files, beside this module. */
const own = assetsBeside(import.meta.url);

/**
 * `/` (the explorer page) and `/assets/*`: its stylesheet, its ES modules (the entry point and
 * what it imports) and the libraries it loads first as classic scripts (`window.cytoscape`,
 * `window.dagre`, then cytoscape-dagre, which registers the `dagre` layout on Cytoscape). dagre
 * is cytoscape-dagre's dependency (not ours), so it is resolved from there.
 */
export const explorer = assetRoutes({
  "/": securePage(own("index.html")),
  ...Object.fromEntries(
    ["explorer.css", "explorer.js", "dom.js", "graph.js", "trust.js", "walrus.js"].map((name) => [
      `/assets/${name}`,
      own(name),
    ]),
  ),
  "/assets/cytoscape.min.js": packageAsset("cytoscape/dist/cytoscape.min.js"),
  "/assets/dagre.min.js": packageAsset(
    "dagre/dist/dagre.min.js",
    createRequire(import.meta.url).resolve("cytoscape-dagre"),
  ),
  "/assets/cytoscape-dagre.js": packageAsset("cytoscape-dagre"),
});

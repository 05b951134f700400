/**
 * The graph explorer: one HTML page with plain ES modules and CSS (no build step), and
 * Cytoscape.js with its dagre layout served from our own `node_modules` (no CDN), all read when
 * this module loads (`../assets.ts`); the proof verifier it runs in a worker is bundled on its
 * first request (`verifier.ts`).
 */
import { createRequire } from "node:module";
import { assetRoutes, assetsBeside, packageAsset } from "../assets.ts";
import { securePage } from "../page-security.ts";
import { verifierAsset } from "./verifier.ts";

/** One of the page's own files, beside this module. */
const own = assetsBeside(import.meta.url);

/** The page's own modules and stylesheet, served at `/assets/<name>`. */
const OWN_ASSETS = [
  "explorer.css",
  "explorer.js",
  "dom.js",
  "graph.js",
  "trust.js",
  "walrus.js",
  "anchor.js",
  "proofs.js",
  "audit.js",
  "verify-worker.js",
];

/**
 * `/` (the explorer page) and `/assets/*`: its stylesheet, its ES modules (the entry point and
 * what it imports, and the proof worker's module with the verifier it imports), and the
 * libraries it loads first as classic scripts (`window.cytoscape`, `window.dagre`, then
 * cytoscape-dagre, which registers the `dagre` layout on Cytoscape). dagre is cytoscape-dagre's
 * dependency (not ours), so it is resolved from there.
 */
export const explorer = assetRoutes({
  "/": securePage(own("index.html")),
  ...Object.fromEntries(OWN_ASSETS.map((name) => [`/assets/${name}`, own(name)])),
  "/assets/verify.js": verifierAsset,
  "/assets/cytoscape.min.js": packageAsset("cytoscape/dist/cytoscape.min.js"),
  "/assets/dagre.min.js": packageAsset(
    "dagre/dist/dagre.min.js",
    createRequire(import.meta.url).resolve("cytoscape-dagre"),
  ),
  "/assets/cytoscape-dagre.js": packageAsset("cytoscape-dagre"),
});

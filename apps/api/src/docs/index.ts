/**
 * The API's docs UI: Swagger UI over `/openapi.json`. One HTML page, its start-up script and
 * Swagger UI's script and stylesheet from the `swagger-ui-dist` package we install (no CDN), all
 * read when this module loads (`../assets.ts`), so `/docs` works on a machine with no network.
 * The page carries the strict policy of `../page-security.ts`: it has no inline script, and
 * Swagger UI needs no inline stylesheet (it sets styles through the DOM).
 */
import { assetRoutes, assetsBeside, packageAsset } from "../assets.ts";
import { securePage } from "../page-security.ts";

/** One of the page's own files, beside this module. */
const own = assetsBeside(import.meta.url);

/**
 * `/docs` (the page), `/docs/swagger-initializer.js` (its start-up script) and
 * `/docs/swagger-ui-dist/*` (Swagger UI's files). Mount at `/`.
 */
export const docs = assetRoutes({
  "/docs": securePage(own("index.html")),
  "/docs/swagger-initializer.js": own("swagger-initializer.js"),
  "/docs/swagger-ui-dist/swagger-ui.css": packageAsset("swagger-ui-dist/swagger-ui.css"),
  "/docs/swagger-ui-dist/swagger-ui-bundle.js": packageAsset(
    "swagger-ui-dist/swagger-ui-bundle.js",
  ),
});

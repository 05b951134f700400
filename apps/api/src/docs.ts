/**
 * The API's docs UI: Swagger UI over `/openapi.json`, its page rendered by `@hono/swagger-ui`
 * and its script and stylesheet served from the `swagger-ui-dist` package we install (no CDN),
 * so `/docs` works on a machine with no network.
 */
import { swaggerUI } from "@hono/swagger-ui";
import { Hono } from "hono";
import { assetRoutes, packageAsset } from "./assets.ts";

/** Where the page is; `@hono/swagger-ui` has it load `<BASE>/swagger-ui-dist/<file>`. */
const BASE = "/docs";

/** `/docs` (the page) and `/docs/swagger-ui-dist/*` (the files it loads). Mount at `/`. */
export const docs = new Hono()
  .get(
    BASE,
    swaggerUI({
      title: "Verity API",
      url: "/openapi.json",
      baseUrl: BASE,
    }),
  )
  .route(
    `${BASE}/swagger-ui-dist`,
    assetRoutes({
      "/swagger-ui.css": packageAsset("swagger-ui-dist/swagger-ui.css"),
      "/swagger-ui-bundle.js": packageAsset("swagger-ui-dist/swagger-ui-bundle.js"),
    }),
  );

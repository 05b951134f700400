import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiDeps, ApiEnv } from "./context.ts";
import { docs } from "./docs/index.ts";
import { explorer } from "./explorer/index.ts";
import { applyMiddleware } from "./middleware/index.ts";
import { onError, problem } from "./problem.ts";
import { audits } from "./routes/audits.ts";
import { entities } from "./routes/entities.ts";
import { health } from "./routes/health.ts";
import { lineageRoutes } from "./routes/lineage.ts";
import { metrics } from "./routes/metrics.ts";
import { proofs } from "./routes/proofs.ts";
import { status } from "./routes/status.ts";
import { stream } from "./routes/stream.ts";
import { trainingSummaries } from "./routes/training-summary.ts";
import { verify } from "./routes/verify.ts";

/**
 * The OpenAPI document's top level (its paths and components come from the routes): served from
 * the origin it is read from, public and read-only, so no security scheme.
 */
const DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Verity API",
    version: "0.1.0",
    description:
      "Provenance graphs linking Walrus blobs to datasets, models and inferences, with event ids. " +
      "Public and read-only (`/v1/verify/*` computes answers and stores nothing): no " +
      "authentication, hence `security: []`; each client is rate limited (429).",
    license: { name: "Apache-2.0", identifier: "Apache-2.0" },
  },
  servers: [{ url: "/", description: "The origin serving this document" }],
  security: [],
};

/** Mounts the API's documented routes (every one in the OpenAPI document) on `app`. */
function mountRoutes(app: OpenAPIHono<ApiEnv>): OpenAPIHono<ApiEnv> {
  return app
    .route("/healthz", health)
    .route("/v1/status", status)
    .route("/v1", entities)
    .route("/v1/lineage", lineageRoutes)
    .route("/v1/audits", audits)
    .route("/v1/models", trainingSummaries)
    .route("/metrics", metrics)
    .route("/v1/stream", stream)
    .route("/v1/verify", verify)
    .route("/v1/proofs", proofs);
}

/**
 * The Verity API, composed of small route modules (as Hono recommends); cross-cutting concerns
 * (errors, validation, limits) live here, not in handlers. Every route is defined once with its
 * zod schemas: validation and the OpenAPI document (`/openapi.json`, from which `@verity/sdk`'s
 * client is generated) both come from that definition. Read-only except `/v1/verify/*`, which
 * store nothing.
 */
export function createApp(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const detail = result.error.issues
          .map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`)
          .join("; ");
        return problem(c, 400, "invalid-request", detail);
      }
    },
  });
  app.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  applyMiddleware(app);
  app.onError(onError);
  app.notFound((c) => problem(c, 404, "not-found", `no route ${c.req.method} ${c.req.path}`));

  mountRoutes(app);
  app.route("/", explorer); // the graph explorer page and its assets: `/`, `/assets/*`
  app.route("/", docs); // Swagger UI over /openapi.json: `/docs`, `/docs/swagger-*`
  app.doc31("/openapi.json", DOCUMENT);
  return app;
}

/**
 * The OpenAPI 3.1 document `/openapi.json` serves, built from the route definitions alone (no
 * database, no server): what `pnpm client:generate` generates `@verity/sdk`'s client from.
 */
export function openApiDocument(): ReturnType<OpenAPIHono["getOpenAPI31Document"]> {
  return mountRoutes(new OpenAPIHono<ApiEnv>()).getOpenAPI31Document(DOCUMENT);
}

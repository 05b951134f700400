import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiDeps, ApiEnv } from "./context.ts";
import { docs } from "./docs/index.ts";
import { explorer } from "./explorer/index.ts";
import { applyMiddleware } from "./middleware/index.ts";
import { onError, problem } from "./problem.ts";
import { entities } from "./routes/entities.ts";
import { health } from "./routes/health.ts";
import { lineageRoutes } from "./routes/lineage.ts";
import { metrics } from "./routes/metrics.ts";
import { status } from "./routes/status.ts";
import { stream } from "./routes/stream.ts";
import { verify } from "./routes/verify.ts";

/**
 * The Verity API, composed of small route modules (as Hono recommends); cross-cutting concerns
 * (errors, validation, limits) live here, not in handlers. Every route is defined once with its
 * zod schemas: validation, the OpenAPI document (`/openapi.json`) and the typed client
 * (`hono/client` on `AppType`) all come from that definition. Read-only except `/v1/verify/*`,
 * which store nothing.
 */
export function createApp(deps: ApiDeps) {
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

  const routes = app
    .route("/healthz", health)
    .route("/v1/status", status)
    .route("/v1", entities)
    .route("/v1/lineage", lineageRoutes)
    .route("/metrics", metrics)
    .route("/v1/stream", stream)
    .route("/v1/verify", verify);
  app.route("/", explorer); // the graph explorer page and its assets: `/`, `/assets/*`
  app.route("/", docs); // Swagger UI over /openapi.json: `/docs`, `/docs/swagger-*`
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Verity API",
      version: "0.1.0",
      description:
        "Provenance graphs linking Walrus blobs to datasets, models and inferences, with proofs",
    },
  });
  return routes;
}

/** The app's type, for `hono/client`'s typed client. */
export type AppType = ReturnType<typeof createApp>;

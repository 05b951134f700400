import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../context.ts";
import { activities } from "./entities/activities.ts";
import { agents } from "./entities/agents.ts";
import { blobs } from "./entities/blobs.ts";
import { datasets } from "./entities/datasets.ts";
import { enclaveConfigs } from "./entities/enclave-configs.ts";
import { governance } from "./entities/governance.ts";
import { models } from "./entities/models.ts";
import { searchRoutes } from "./entities/search.ts";

/**
 * Entity routes under `/v1`, each from its own module: datasets, models, attestations and
 * inferences, policies, attesters and enclave configs, agents, Walrus blobs, and search.
 */
export const entities = new OpenAPIHono<ApiEnv>()
  .route("/", datasets)
  .route("/", models)
  .route("/", activities)
  .route("/", governance)
  .route("/", enclaveConfigs)
  .route("/", agents)
  .route("/", blobs)
  .route("/", searchRoutes);

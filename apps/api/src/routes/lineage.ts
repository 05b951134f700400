import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type AiTerms,
  type Db,
  datasetTerms,
  MAX_LINEAGE_DEPTH,
  type ProvLineage,
  provLineage,
  TAINT_EDGE_KINDS,
} from "@verity/db";
import { EDGE_KINDS, NODE_KINDS, PROV_TYPES } from "@verity/sdk";
import type { Context } from "hono";
import type { ApiEnv } from "../context.ts";
import { toOpenLineage } from "../exports/openlineage.ts";
import { toProvJson } from "../exports/prov-json.ts";
import { ProblemError } from "../problem.ts";
import { linkLineageProofs, proofBundles } from "../proof-links.ts";
import { EventId } from "../schemas/event-id.ts";
import { problemAnswer, rateLimited } from "../schemas/problem.ts";
import { ProofBundle } from "../schemas/proof.ts";

/** Most nodes one lineage request may ask for. */
export const MAX_LINEAGE_NODES = 5000;

const integerIn = (name: string, min: number, max: number, fallback: number) => {
  const error = `${name} must be an integer from ${min} to ${max}`;
  return z.coerce
    .number({ error })
    .int({ error })
    .min(min, { error })
    .max(max, { error })
    .default(fallback)
    .openapi({ description: `${error} (default ${fallback})`, example: fallback });
};

const Params = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({
      param: { name: "id", in: "path" },
      description: "Object id, address or Walrus blob id",
      example: `0x${"ab".repeat(32)}`,
    }),
});

const Query = z.object({
  direction: z.enum(["upstream", "downstream", "both"]).default("upstream").openapi({
    description:
      "upstream: what it came from (edges src -> dst); downstream: what came from it; both",
  }),
  depth: integerIn("depth", 0, MAX_LINEAGE_DEPTH, 3),
  maxNodes: integerIn("maxNodes", 1, MAX_LINEAGE_NODES, 500),
  asOf: z.coerce
    .number({ error: "asOf must be a checkpoint sequence number" })
    .int({ error: "asOf must be a checkpoint sequence number" })
    .min(0, { error: "asOf must be a checkpoint sequence number" })
    .optional()
    .openapi({
      description:
        "The lineage as the chain stood at this checkpoint: only edges emitted at or before it, retractions and taint as of then (read with SQL)",
    }),
});

const LineageQuery = Query.extend({
  proofs: z.enum(["link", "inline"]).default("link").openapi({
    description:
      "link: each node's and edge's event names its proof bundle (`event.proof`); inline: the bundles come too, in `proofs`",
  }),
});

const Node = z
  .object({
    id: z.string(),
    kind: z.enum(NODE_KINDS),
    provType: z.enum(PROV_TYPES).openapi({ description: "The W3C PROV class of its kind" }),
    subkind: z.string().optional().openapi({ description: "Attestation or policy kind" }),
    label: z.string().optional().openapi({ description: "Name of a dataset, model, attester" }),
    timestampMs: z.number().int().optional().openapi({ description: "Creation time, ms" }),
    depth: z.number().int().openapi({ description: "Hops from the requested node" }),
    retracted: z.boolean().openapi({ description: "A dataset its creator retracted" }),
    tainted: z.boolean().openapi({
      description: `Retracted, or has a path (${TAINT_EDGE_KINDS.join(", ")}) to a retracted dataset`,
    }),
    taintedBy: z.string().optional().openapi({
      description: "When tainted: a retracted dataset it comes from (its retraction is the reason)",
    }),
    event: EventId.openapi({ description: "The event that created the node" }),
  })
  .openapi("LineageNode");

const Edge = z
  .object({
    kind: z.enum(EDGE_KINDS),
    src: z.string(),
    dst: z.string(),
    signed: z.boolean().nullable().openapi({
      description:
        "On edges an attestation backs: whether an attester signed it (false: only claimed by the submitter); null on other edges",
    }),
    enclave: z.boolean().nullable().openapi({
      description:
        "On edges an attestation backs: whether an enclave attester signed it (false: a plain key, or unsigned); null on other edges",
    }),
    event: EventId,
  })
  .openapi("LineageEdge");

const Lineage = z
  .object({
    nodes: z.array(Node).openapi({ description: "Nearest first; the requested node first" }),
    edges: z.array(Edge).openapi({ description: "Every edge between the nodes" }),
    truncated: z.boolean().openapi({ description: "Whether maxNodes left nodes out" }),
    proofs: z.record(z.string(), ProofBundle).optional().openapi({
      description:
        "With proofs=inline: the proof bundle of every node's and edge's event, by its `event.proof` path (events whose proof parts were not kept are absent)",
    }),
  })
  .openapi("Lineage");

const errors = {
  400: problemAnswer("A query parameter is out of range or malformed"),
  404: problemAnswer("No entity, blob event or edge has this id"),
  ...rateLimited,
};

const route = (
  operationId: string,
  path: string,
  summary: string,
  schema: z.ZodType,
  description: string,
) =>
  createRoute({
    method: "get",
    operationId,
    path,
    summary,
    request: { params: Params, query: Query },
    responses: {
      200: { description, content: { "application/json": { schema } } },
      ...errors,
    },
  });

const lineageRoute = createRoute({
  method: "get",
  operationId: "getLineage",
  path: "/{id}",
  summary: "Lineage of a node with event ids, proofs, retractions and taint (W3C PROV terms)",
  request: { params: Params, query: LineageQuery },
  responses: {
    200: {
      description: "The subgraph around the node",
      content: { "application/json": { schema: Lineage } },
    },
    ...errors,
  },
});
const provRoute = route(
  "getLineageProvJson",
  "/{id}/prov",
  "Lineage as a W3C PROV-JSON document",
  z.record(z.string(), z.unknown()).openapi("ProvJson"),
  "PROV-JSON: prefix, entity, activity, agent and relation records, each with its event id; datasets with their terms for AI use, relations an attestation backs with verity:signed and verity:enclave",
);
const openLineageRoute = route(
  "getLineageOpenLineage",
  "/{id}/openlineage",
  "Activities of the lineage as OpenLineage 2-0-2 RunEvents",
  z.array(z.record(z.string(), z.unknown())).openapi("OpenLineageRunEvents"),
  "One COMPLETE RunEvent per attestation or inference; datasets with a verityTerms facet",
);

/** The lineage the request asks for; 404 problem when the id is unknown. */
async function requested(
  c: Context<ApiEnv>,
  id: string,
  query: z.infer<typeof Query>,
): Promise<ProvLineage> {
  const { database, graph } = c.var.deps;
  const found = await provLineage(database.db, id, query, graph);
  if (!found) throw new ProblemError(404, "not-found", `no entity, blob or edge has id ${id}`);
  const created = found.nodes[0]?.event.checkpoint ?? 0;
  if (query.asOf !== undefined && created > query.asOf) {
    throw new ProblemError(
      404,
      "not-found",
      `${id} was created at checkpoint ${created}, after checkpoint ${query.asOf}`,
    );
  }
  return found;
}

/** The terms for AI use in force of `lineage`'s datasets, by id, for the exports (one statement). */
async function datasetTermsOf(db: Db, lineage: ProvLineage): Promise<Map<string, AiTerms>> {
  return datasetTerms(
    db,
    lineage.nodes.filter((n) => n.kind === "dataset").map((n) => n.id),
  );
}

/**
 * `/v1/lineage/{id}` (the subgraph with event ids, proof links (bundles with `proofs=inline`)
 * and impact analysis), `/v1/lineage/{id}/prov`
 * (PROV-JSON) and `/v1/lineage/{id}/openlineage` (OpenLineage RunEvents). All take `direction`
 * (default upstream), `depth` (0..25, default 3), `maxNodes` (1..5000, default 500) and `asOf`
 * (a checkpoint; default now); out of range or malformed: 400 problem. Unknown id: 404 problem.
 */
export const lineageRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(lineageRoute, async (c) => {
    const { proofs, ...query } = c.req.valid("query");
    const lineage = await requested(c, c.req.valid("param").id, query);
    const answer = linkLineageProofs(lineage);
    if (proofs === "link") return c.json(answer, 200);
    const { database, network } = c.var.deps;
    const events = [...lineage.nodes, ...lineage.edges].map((x) => x.event);
    return c.json({ ...answer, proofs: await proofBundles(database.db, events, network) }, 200);
  })
  .openapi(provRoute, async (c) => {
    const lineage = await requested(c, c.req.valid("param").id, c.req.valid("query"));
    const terms = await datasetTermsOf(c.var.deps.database.db, lineage);
    return c.json(toProvJson(lineage, terms), 200);
  })
  .openapi(openLineageRoute, async (c) => {
    const lineage = await requested(c, c.req.valid("param").id, c.req.valid("query"));
    const terms = await datasetTermsOf(c.var.deps.database.db, lineage);
    return c.json(toOpenLineage(lineage, c.var.deps.network ?? "sui", terms), 200);
  });

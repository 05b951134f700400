import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AUDIT_RULES,
  AuditPolicySchema,
  auditUpstream,
  DEFAULT_AUDIT_POLICY,
  MAX_FINDINGS,
  SIGNED_EDGE_KINDS,
} from "@verity/db";
import { EDGE_KINDS, NODE_KINDS } from "@verity/sdk";
import type { ApiEnv } from "../context.ts";
import { auditHtml } from "../exports/audit-html.ts";
import { ProblemError } from "../problem.ts";
import { linkProofs } from "../proof-links.ts";
import { EventId } from "../schemas/event-id.ts";
import { problemAnswer, rateLimited } from "../schemas/problem.ts";

const AuditRequest = z
  .object({
    subject: z
      .string()
      .min(1)
      .max(200)
      .openapi({
        description: "The model, dataset, inference (object id) or Walrus blob id to audit",
        example: `0x${"ab".repeat(32)}`,
      }),
    policy: AuditPolicySchema.optional().openapi({
      description:
        "The rules; absent: every license parses as SPDX, no retracted or tainted data upstream, every link signed by an attester not revoked when it signed",
    }),
    asOf: z.int().min(0).optional().openapi({
      description:
        "Audit the chain as it stood at this checkpoint (sequence number): only what was emitted at or before it",
    }),
  })
  .openapi("AuditRequest");

const Finding = z
  .object({
    node: z.string().optional().openapi({ description: "The node it is about" }),
    edge: z
      .object({ kind: z.enum(EDGE_KINDS), src: z.string(), dst: z.string() })
      .optional()
      .openapi({ description: "The edge it is about" }),
    reason: z.string(),
    event: EventId.nullable().openapi({
      description:
        "The event that shows it (the retraction, the unsigned link, the dataset's registration, the revocation), with its proof bundle; null for a limit",
    }),
  })
  .openapi("AuditFinding");

const AuditReport = z
  .object({
    subject: z.object({
      id: z.string(),
      kind: z.enum(NODE_KINDS).nullable(),
      label: z.string().optional(),
      event: EventId,
    }),
    asOf: z.number().int().nullable().openapi({ description: "null: everything indexed" }),
    verdict: z.enum(["pass", "fail"]),
    policy: z.record(z.string(), z.unknown()).openapi({
      description: "The policy applied, defaults filled in",
    }),
    upstream: z.object({
      nodes: z.number().int(),
      edges: z.number().int(),
      truncated: z.boolean(),
    }),
    rules: z.array(
      z.object({
        rule: z.enum(AUDIT_RULES),
        passed: z.boolean(),
        checked: z.number().int().openapi({ description: "Nodes or edges it looked at" }),
        findings: z.array(Finding).openapi({ description: `The first ${MAX_FINDINGS}` }),
        omitted: z
          .number()
          .int()
          .openapi({ description: `Findings past the first ${MAX_FINDINGS}` }),
      }),
    ),
  })
  .openapi("AuditReport");

const auditRoute = createRoute({
  method: "post",
  operationId: "audit",
  path: "/",
  summary:
    "Audit everything upstream of a model, dataset or inference against a policy, each finding with its proof",
  description: `Rules: limits (depth, nodes), licenses (SPDX), consent (no retraction upstream, no taint), attestation (every ${SIGNED_EDGE_KINDS.join(", ")} link signed by an attester not revoked before it signed), terms (the data's terms for AI use allow each training, fine-tune and inference upstream; off by default), availability (every Walrus blob certified and stored long enough; off by default). Each finding names the node or edge, why, and its event with the path of its proof bundle.`,
  request: {
    query: z.object({
      format: z.enum(["json", "html"]).default("json").openapi({
        description: "json: the report; html: the same as a standalone HTML document",
      }),
    }),
    body: { required: true, content: { "application/json": { schema: AuditRequest } } },
  },
  responses: {
    200: {
      description: "The verdict, and each rule with its findings",
      content: {
        "application/json": { schema: AuditReport },
        "text/html": { schema: z.string().openapi({ description: "The report as HTML" }) },
      },
    },
    400: problemAnswer("Malformed request or policy (each problem named with its path)"),
    404: problemAnswer("Nothing has this id (or nothing had by `asOf`)"),
    413: problemAnswer("Body larger than the JSON cap (64 KiB by default)"),
    415: problemAnswer("Body not sent as application/json"),
    ...rateLimited,
  },
});

/** `/v1/audits`: audits over a subject's upstream; they store nothing. */
export const audits = new OpenAPIHono<ApiEnv>().openapi(auditRoute, async (c) => {
  const { subject, policy, asOf } = c.req.valid("json");
  const { format } = c.req.valid("query");
  const { database, graph } = c.var.deps;
  const report = await auditUpstream(database.db, subject, policy ?? DEFAULT_AUDIT_POLICY, {
    asOf,
    live: graph,
  });
  if (!report) {
    const when = asOf === undefined ? "" : ` at checkpoint ${asOf}`;
    throw new ProblemError(404, "not-found", `nothing had id ${subject}${when}`);
  }
  if (format === "html") return c.html(auditHtml(report), 200);
  return c.json(linkProofs(report), 200);
});

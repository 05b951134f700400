export { createApp, openApiDocument } from "./app.ts";
export type { ApiDeps } from "./context.ts";
export { auditHtml } from "./exports/audit-html.ts";
export { type Problem, ProblemError } from "./problem.ts";
export { linkProofs, proofPath, type WithProofs } from "./proof-links.ts";
export {
  type ApiListener,
  type ApiServer,
  CLOSE_GRACE_MS,
  listenApi,
  startApiServer,
} from "./server.ts";

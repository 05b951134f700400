export { type AppType, createApp } from "./app.ts";
export type { ApiDeps } from "./context.ts";
export { type Problem, ProblemError } from "./problem.ts";
export { type ApiServer, startApiServer } from "./server.ts";

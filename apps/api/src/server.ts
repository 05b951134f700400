import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import type { ApiDeps } from "./context.ts";

/** A running API server. */
export interface ApiServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the API over HTTP on `host:port` (port 0 picks a free one).
 *
 * @throws Error (EADDRINUSE) when the port is taken, naming it
 */
export function startApiServer(
  deps: ApiDeps,
  options: { port: number; host?: string },
): Promise<ApiServer> {
  const host = options.host ?? "127.0.0.1";
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: host },
      (info: AddressInfo) => {
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        });
      },
    );
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${options.port} on ${host} is already in use`)
          : error,
      ),
    );
  });
}

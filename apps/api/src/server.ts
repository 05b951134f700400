import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import type { ApiDeps } from "./context.ts";
import type { Problem } from "./problem.ts";

/** A running API server. */
export interface ApiServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /**
   * Stops listening, lets requests in flight finish for up to {@link CLOSE_GRACE_MS}, then drops
   * the connections left (`/v1/stream` subscribers never finish on their own). Resolves once no
   * handler is still running (a client that hung up does not stop its handler), or after the
   * grace: the database can be closed then without a late query opening a new connection.
   */
  close(): Promise<void>;
}

/** A port the API holds before it has its database: it answers 503 until `serve`. */
export interface ApiListener extends ApiServer {
  /** Starts answering with the API over `deps`. */
  serve(deps: ApiDeps): void;
}

/** How long `close()` waits for requests in flight before dropping their connections, ms. */
export const CLOSE_GRACE_MS = 2_000;

/** The answer while the API has no database yet. */
function starting(): Response {
  const body: Problem = {
    type: "https://verity.dev/problems/starting",
    title: "Service Unavailable",
    status: 503,
    detail: "the API is starting: its database is being opened",
  };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: { "content-type": "application/problem+json", "retry-after": "1" },
  });
}

/**
 * Binds `host:port` (port 0 picks a free one) for the API before its database is open, so that a
 * busy port is found before anything else is done. Requests get 503 problem+json until
 * `serve(deps)`.
 *
 * @throws Error `port <port> on <host> is already in use` (EADDRINUSE); the listen error
 *   otherwise (EACCES for a privileged port, ...)
 */
export function listenApi(options: { port: number; host?: string }): Promise<ApiListener> {
  const host = options.host ?? "127.0.0.1";
  let app: ReturnType<typeof createApp> | undefined;
  const handlers = inFlight();
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: (request, env) => (app ? handlers.track(app.fetch(request, env)) : starting()),
        port: options.port,
        hostname: host,
      },
      (info: AddressInfo) => {
        resolve({
          url: `http://${host}:${info.port}`,
          serve(deps) {
            app = createApp(deps);
          },
          close: async () => {
            await closeGracefully(server as Server);
            await handlers.settled(CLOSE_GRACE_MS);
          },
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

/**
 * Serves the API over HTTP on `host:port` (port 0 picks a free one).
 *
 * @throws Error (EADDRINUSE) when the port is taken, naming it
 */
export async function startApiServer(
  deps: ApiDeps,
  options: { port: number; host?: string },
): Promise<ApiServer> {
  const listener = await listenApi(options);
  listener.serve(deps);
  return listener;
}

/**
 * Counts the handlers running: `track` wraps a handler's response (a streamed body, such as
 * `/v1/stream`'s, counts until its headers are sent), `settled(ms)` resolves when none is left or
 * after `ms`.
 */
function inFlight() {
  let running = 0;
  const waiting = new Set<() => void>();
  return {
    async track(response: Response | Promise<Response>): Promise<Response> {
      running++;
      try {
        return await response;
      } finally {
        running--;
        if (running === 0) for (const done of waiting) done();
      }
    },
    settled(ms: number): Promise<void> {
      if (running === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        waiting.add(done);
      });
    },
  };
}

/** See `ApiServer.close`. */
function closeGracefully(server: Server): Promise<void> {
  return new Promise((done) => {
    const drop = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    server.close(() => {
      clearTimeout(drop);
      done();
    });
    server.closeIdleConnections();
  });
}

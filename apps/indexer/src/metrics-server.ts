import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";

/**
 * Serves `registry` at `http://<host>:<port>/metrics` in the Prometheus text format.
 *
 * @param port TCP port; 0 picks a free one (see the returned server's address)
 * @throws Error (EADDRINUSE) when the port is taken
 */
export async function serveMetrics(
  registry: Registry,
  port: number,
  host = "127.0.0.1",
): Promise<Server> {
  const server = createServer(async (request, response) => {
    if (request.url !== "/metrics") {
      response.writeHead(404).end("not found: try /metrics\n");
      return;
    }
    response.writeHead(200, { "content-type": registry.contentType }).end(await registry.metrics());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

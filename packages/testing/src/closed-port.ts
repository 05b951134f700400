/** A loopback address nobody answers at, for unreachable-node cases (test tooling). */
import { createServer } from "node:net";

/** `http://127.0.0.1:<port>` of a port nothing listens on: bound to a free port, then released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}`;
}

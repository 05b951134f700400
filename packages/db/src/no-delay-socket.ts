/**
 * The socket postgres.js connects through: TCP with Nagle's algorithm off. A COPY ends with two
 * writes, its last CopyData and then CopyDone; with Nagle on, the 5-byte CopyDone waits for the
 * server to acknowledge the data before it leaves, and the server delays that ACK (40 ms on
 * Linux), so every COPY of the write path would take 40 ms longer than its work.
 */
import { connect, type Socket } from "node:net";

/** The part of postgres.js's options its `socket` function is given that this one reads. */
export interface SocketTarget {
  /** hosts of the URL; the first is connected to */
  host: readonly string[];
  /** their ports */
  port: readonly number[];
  /** a Unix-domain socket path instead, when the URL names one */
  path?: string | false;
}

/**
 * A postgres.js `socket` option: connects to `target`'s first host (or its Unix socket) with
 * `noDelay`, within `timeoutMs` (postgres.js's `connect_timeout` does not cover a custom socket).
 * postgres.js then speaks the protocol over it as over its own, TLS included.
 *
 * @returns the connected socket
 * @throws (rejects with) the socket's error (ECONNREFUSED, ENOTFOUND, ...), or an Error naming the
 *   host after `timeoutMs` without a connection
 */
export function noDelaySocket(timeoutMs: number): (target: SocketTarget) => Promise<Socket> {
  return ({ host, port, path }) =>
    new Promise((resolve, reject) => {
      const [first = "localhost"] = host;
      const [firstPort = 5432] = port;
      const where = path ? path : `${first}:${firstPort}`;
      const socket = path ? connect({ path }) : connect({ host: first, port: firstPort });
      socket.setNoDelay(true);
      const timer = setTimeout(
        () => socket.destroy(new Error(`connecting to ${where} timed out after ${timeoutMs} ms`)),
        timeoutMs,
      );
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeListener("error", reject);
        resolve(socket);
      });
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
}

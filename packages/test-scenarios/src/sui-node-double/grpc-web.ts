/**
 * A loopback gRPC-web server answering Sui full-node methods from handlers (test tooling, never
 * product). It speaks the protocol `SuiGrpcClient` uses (`@protobuf-ts/grpcweb-transport`):
 * HTTP/1.1 `POST /<package.Service>/<Method>`, `application/grpc-web+proto` or
 * `application/grpc-web-text` (answered in the format asked), length-prefixed frames, a trailer
 * frame with `grpc-status`. Messages are (de)serialized with the SDK's own generated protobuf
 * types, so the bytes on the wire are the real ones.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { GrpcStatusCode, GrpcTypes, RpcError } from "@mysten/sui/grpc";
import type { Fault, FaultPlan } from "./faults.ts";

/**
 * Answers one method. Gets the decoded request and a signal that aborts when the client goes
 * away; returns the response's fields (unary methods) or yields one message's fields at a time
 * (server-streaming methods). Throw an `RpcError` to answer with its status code.
 */
export type Handler = (
  request: Record<string, unknown>,
  signal: AbortSignal,
) => object | Promise<object> | AsyncIterable<object>;

/** A call the server received: `Service/Method` (e.g. `sui.rpc.v2.LedgerService/GetEpoch`) and its decoded request. */
export interface Call {
  method: string;
  request: Record<string, unknown>;
}

/** A running server: its base URL, the calls it received in arrival order, and how to stop it. */
export interface GrpcWebServer {
  url: string;
  calls: Call[];
  /** Stops listening and drops open connections (ending open streams). */
  close(): Promise<void>;
}

/** A method as protobuf-ts generated it: request and response codecs, and whether it streams. */
interface Method {
  serverStreaming: boolean;
  I: { fromBinary(bytes: Uint8Array): object };
  O: { create(value?: object): object; toBinary(message: object): Uint8Array };
}

const SERVICES = [
  GrpcTypes.LedgerService,
  GrpcTypes.StateService,
  GrpcTypes.SubscriptionService,
  GrpcTypes.TransactionExecutionService,
  GrpcTypes.MovePackageService,
  GrpcTypes.SignatureVerificationService,
  GrpcTypes.NameService,
];

/** Every method of the `sui.rpc.v2` services, keyed `Service/Method`. */
const METHODS = new Map<string, Method>(
  SERVICES.flatMap((service) =>
    service.methods.map((method) => [
      `${service.typeName}/${method.name}`,
      method as unknown as Method,
    ]),
  ),
);

type Format = "binary" | "text";
const CONTENT_TYPE: Record<Format, string> = {
  binary: "application/grpc-web+proto",
  text: "application/grpc-web-text",
};
const DATA = 0x00;
const TRAILER = 0x80;

/** One gRPC-web frame: flag byte, 4-byte big-endian length, payload. */
function frame(flag: number, payload: Uint8Array): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(flag, 0);
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

/** Writes one response in the client's format: messages, then trailers (or a fault instead). */
class Reply {
  #started = false;
  /** Settles once everything written so far has been handed to the socket. */
  #flushed = Promise.resolve();

  constructor(
    private readonly response: ServerResponse,
    readonly format: Format,
  ) {}

  message(bytes: Uint8Array): void {
    this.#write(frame(DATA, bytes));
  }

  /** Ends with `grpc-status: code`: in the headers when nothing was sent yet, else as trailers. */
  finish(code: GrpcStatusCode, detail = ""): void {
    const status = { "grpc-status": String(code), "grpc-message": encodeURIComponent(detail) };
    if (!this.#started) {
      this.#started = true;
      this.response.writeHead(200, { "content-type": CONTENT_TYPE[this.format], ...status });
    } else {
      const trailer = Object.entries(status).map(([key, value]) => `${key}: ${value}\r\n`);
      this.#write(frame(TRAILER, Buffer.from(trailer.join(""))));
    }
    this.response.end();
  }

  /** Applies a fault in place of the message `bytes`. */
  fail(kind: "end" | "drop" | "truncate" | "reset", bytes: Uint8Array): void {
    switch (kind) {
      case "end":
        this.finish(GrpcStatusCode.OK);
        break;
      case "reset":
        this.#flushed.then(() => this.response.destroy());
        break;
      case "truncate": {
        const whole = frame(DATA, bytes);
        this.#write(whole.subarray(0, Math.ceil(whole.length / 2)));
        this.response.end();
        break;
      }
      case "drop":
        this.#start();
        this.response.end();
    }
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.response.writeHead(200, { "content-type": CONTENT_TYPE[this.format] });
    this.response.flushHeaders();
  }

  #write(bytes: Buffer): void {
    this.#start();
    const chunk = this.format === "text" ? bytes.toString("base64") : bytes;
    this.#flushed = new Promise((resolve) => this.response.write(chunk, () => resolve()));
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Runs `handler` for one call and writes its answer, with `fault` injected. */
async function answer(
  method: Method,
  handler: Handler,
  request: Record<string, unknown>,
  reply: Reply,
  fault: Fault | undefined,
  signal: AbortSignal,
): Promise<void> {
  if (fault?.kind === "delay") await delay(fault.ms, undefined, { signal });
  if (fault?.kind === "status") {
    return reply.finish(GrpcStatusCode[fault.code], `injected fault: ${fault.code}`);
  }
  const result = handler(request, signal);
  const streamed = typeof result === "object" && Symbol.asyncIterator in result;
  if (streamed !== method.serverStreaming) {
    throw new Error(`the handler ${streamed ? "streams" : "does not stream"}, unlike the method`);
  }
  const messages = streamed ? (result as AsyncIterable<object>) : [await result];
  let index = 0;
  for await (const message of messages) {
    const bytes = method.O.toBinary(method.O.create(message));
    if (fault && fault.kind !== "delay" && (fault.after ?? 0) === index) {
      return reply.fail(fault.kind, bytes);
    }
    reply.message(bytes);
    index += 1;
  }
  reply.finish(GrpcStatusCode.OK);
}

/**
 * Starts the server on 127.0.0.1 (a free port). Calls of a method without a handler get
 * `UNIMPLEMENTED`; a handler's `RpcError` becomes its status, any other error `INTERNAL`.
 *
 * @param handlers `Service/Method` -> handler, e.g. `"sui.rpc.v2.LedgerService/GetEpoch"`
 * @param faults consulted once per call (none by default)
 */
export async function startGrpcWebServer(
  handlers: Record<string, Handler>,
  faults?: FaultPlan,
): Promise<GrpcWebServer> {
  const calls: Call[] = [];
  const serve = async (request: IncomingMessage, reply: Reply, signal: AbortSignal) => {
    const path = (request.url ?? "").replace(/^\//, "");
    const body = await readBody(request);
    const method = METHODS.get(path);
    const handler = handlers[path];
    if (!method || !handler) {
      calls.push({ method: path, request: {} });
      return reply.finish(GrpcStatusCode.UNIMPLEMENTED, `${path} is not answered by this server`);
    }
    const bytes = reply.format === "text" ? Buffer.from(body.toString("ascii"), "base64") : body;
    const input = method.I.fromBinary(bytes.subarray(5, 5 + bytes.readUInt32BE(1)));
    calls.push({ method: path, request: input as Record<string, unknown> });
    await answer(
      method,
      handler,
      input as Record<string, unknown>,
      reply,
      faults?.take(path),
      signal,
    );
  };
  const server = createServer((request, response) => {
    const gone = new AbortController();
    response.on("close", () => gone.abort());
    const text = request.headers["content-type"]?.startsWith(CONTENT_TYPE.text);
    const reply = new Reply(response, text ? "text" : "binary");
    serve(request, reply, gone.signal).catch((error: unknown) => {
      if (gone.signal.aborted) return;
      const code =
        error instanceof RpcError
          ? (GrpcStatusCode[error.code as keyof typeof GrpcStatusCode] ?? GrpcStatusCode.UNKNOWN)
          : GrpcStatusCode.INTERNAL;
      reply.finish(code, error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

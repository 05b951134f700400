import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SuiGrpcClient } from "@mysten/sui/grpc";

/** A gRPC method's request/response codecs, as protobuf-ts generated them for `@mysten/sui`. */
interface MethodCodec {
  I: { fromBinary(bytes: Uint8Array): object };
  O: { create(value?: object): object; toBinary(message: object): Uint8Array };
}

/** Answers one gRPC method: gets the decoded request, returns the response fields. */
export type Handler = (request: Record<string, unknown>) => object | Promise<object>;

/** A running fake node: its base URL, the calls it received, and how to stop it. */
export interface FakeFullNode {
  url: string;
  /** `Service/Method` of every call received, in order */
  calls: string[];
  close(): Promise<void>;
}

/** Every method of the services the deploy command uses, keyed `sui.rpc.v2.LedgerService/GetEpoch`. */
function methodCodecs(): Map<string, MethodCodec> {
  const client = new SuiGrpcClient({ network: "localnet", baseUrl: "http://unused.invalid" });
  const services = [client.ledgerService, client.stateService, client.transactionExecutionService];
  const codecs = new Map<string, MethodCodec>();
  for (const service of services) {
    for (const method of service.methods)
      codecs.set(`${service.typeName}/${method.name}`, method as unknown as MethodCodec);
  }
  return codecs;
}

/** One gRPC-web frame: flag byte, 4-byte big-endian length, payload. */
function frame(flag: number, payload: Uint8Array): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(flag, 0);
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts a loopback HTTP server that speaks just enough gRPC-web (text format, unary calls) to
 * answer the given methods the way a Sui full node would; any other method gets UNIMPLEMENTED.
 * Test tooling only.
 *
 * @param handlers `Service/Method` -> handler, e.g. `"sui.rpc.v2.LedgerService/GetEpoch"`
 */
export async function startFakeFullNode(handlers: Record<string, Handler>): Promise<FakeFullNode> {
  const codecs = methodCodecs();
  const calls: string[] = [];
  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "").replace(/^\//, "");
    calls.push(path);
    const codec = codecs.get(path);
    const handler = handlers[path];
    if (!codec || !handler) {
      response.writeHead(200, {
        "content-type": "application/grpc-web-text",
        "grpc-status": "12",
        "grpc-message": encodeURIComponent(`${path} not faked`),
      });
      response.end();
      return;
    }
    const body = Buffer.from((await readBody(request)).toString("ascii"), "base64");
    const input = codec.I.fromBinary(body.subarray(5)) as Record<string, unknown>;
    const output = codec.O.toBinary(codec.O.create(await handler(input)));
    const trailer = frame(0x80, Buffer.from("grpc-status: 0\r\ngrpc-message: \r\n"));
    response.writeHead(200, { "content-type": "application/grpc-web-text" });
    response.end(Buffer.concat([frame(0, output), trailer]).toString("base64"));
  };
  const server: Server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      response.writeHead(200, {
        "content-type": "application/grpc-web-text",
        "grpc-status": "13",
        "grpc-message": encodeURIComponent(String(error)),
      });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

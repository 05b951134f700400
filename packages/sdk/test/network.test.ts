import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RpcError } from "@mysten/sui/grpc";
import { closedPortUrl } from "@verity/testing";
import { afterAll, describe, expect, it } from "vitest";
import { connectFullNode, NodeUnreachableError, resolveNetwork } from "../src/network.ts";

describe("resolveNetwork", () => {
  it.each([
    ["mainnet", "https://fullnode.mainnet.sui.io:443"],
    ["testnet", "https://fullnode.testnet.sui.io:443"],
    ["devnet", "https://fullnode.devnet.sui.io:443"],
    ["localnet", "http://127.0.0.1:9000"],
  ])("knows %s", (name, url) => {
    expect(resolveNetwork(name)).toMatchObject({ name, url });
  });

  it("takes a full-node URL as both name and URL, without a trailing slash", () => {
    expect(resolveNetwork("http://10.0.0.5:9000/")).toMatchObject({
      name: "http://10.0.0.5:9000",
      url: "http://10.0.0.5:9000",
    });
  });

  it("points testnet and devnet users at the faucet", () => {
    expect(resolveNetwork("testnet").fundingHint).toContain("https://faucet.sui.io");
    expect(resolveNetwork("mainnet").fundingHint).not.toContain("faucet");
  });

  it.each(["tesnet", "toString", "ftp://node", ""])("rejects %j", (value) => {
    expect(() => resolveNetwork(value)).toThrow(
      `unknown network "${value}": use mainnet, testnet, devnet, localnet or a full-node http(s):// URL`,
    );
  });
});

/** Listens on a free loopback port; resolves to the server and its base URL. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("connectFullNode", () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it("fails with NodeUnreachableError naming the URL when nothing listens on the port", async () => {
    const url = await closedPortUrl();
    const client = connectFullNode(resolveNetwork(url));
    const error = await client.core.getChainIdentifier().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeUnreachableError);
    expect(error).toMatchObject({
      code: "UNAVAILABLE",
      message: `cannot reach the Sui full node at ${url} (ECONNREFUSED)`,
    });
  });

  it("reports a node that answers, even with an error, as an ordinary gRPC error", async () => {
    const server = createServer((_request, response) => {
      response.writeHead(503).end("down for maintenance");
    });
    servers.push(server);
    const client = connectFullNode(resolveNetwork(await listen(server)));
    const error = await client.core.getReferenceGasPrice().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).not.toBeInstanceOf(NodeUnreachableError);
  });
});

describe("connectFullNode on a dropped connection", () => {
  /** A fetch that fails like undici does when the peer closed the socket, `times` times, then sends for real. */
  const droppingFetch = (times: number, code: string) => {
    let calls = 0;
    const wrapped: typeof fetch = (input, init) => {
      calls += 1;
      if (calls <= times)
        return Promise.reject(
          new TypeError("fetch failed", {
            cause: Object.assign(new Error("other side closed"), { code }),
          }),
        );
      return fetch(input, init);
    };
    return { fetch: wrapped, calls: () => calls };
  };

  it("sends the request once more, and gets the node's answer", async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, {
        "content-type": "application/grpc-web-text",
        "grpc-status": "5",
        "grpc-message": "nothing here",
      });
      response.end();
    });
    const url = await listen(server);
    try {
      const dropping = droppingFetch(1, "UND_ERR_SOCKET");
      const client = connectFullNode(resolveNetwork(url), { fetch: dropping.fetch });
      await expect(client.core.getReferenceGasPrice()).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "nothing here",
      });
      expect(dropping.calls()).toBe(2);
    } finally {
      server.close();
    }
  });

  it("gives up after one retry, naming the URL", async () => {
    const dropping = droppingFetch(5, "ECONNRESET");
    const client = connectFullNode(resolveNetwork("http://127.0.0.1:9000"), {
      fetch: dropping.fetch,
    });
    const error = await client.core.getReferenceGasPrice().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeUnreachableError);
    expect(error).toMatchObject({
      message: "cannot reach the Sui full node at http://127.0.0.1:9000 (ECONNRESET)",
    });
    expect(dropping.calls()).toBe(2);
  });

  it("does not retry a refused connection", async () => {
    const dropping = droppingFetch(5, "ECONNREFUSED");
    const client = connectFullNode(resolveNetwork("http://127.0.0.1:9000"), {
      fetch: dropping.fetch,
    });
    await expect(client.core.getReferenceGasPrice()).rejects.toBeInstanceOf(NodeUnreachableError);
    expect(dropping.calls()).toBe(1);
  });
});

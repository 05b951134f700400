import { RpcError, SuiGrpcClient } from "@mysten/sui/grpc";

/** The Sui networks known by name; anything else must be a full-node URL. */
export type NetworkName = "mainnet" | "testnet" | "devnet" | "localnet";

/** A Sui network to talk to: its name (or the URL itself, when given one) and full-node URL. */
export interface SuiNetwork {
  /** `mainnet`, `testnet`, `devnet`, `localnet`, or the URL (as in `url`) when a custom node was given */
  name: string;
  /** base URL of the full node's gRPC(-web) endpoint, e.g. `https://fullnode.testnet.sui.io:443` */
  url: string;
  /** one sentence telling how an address on this network gets SUI */
  fundingHint: string;
}

const FAUCET = "https://faucet.sui.io";

const KNOWN: Record<NetworkName, Omit<SuiNetwork, "name">> = {
  mainnet: { url: "https://fullnode.mainnet.sui.io:443", fundingHint: "transfer SUI to it" },
  testnet: {
    url: "https://fullnode.testnet.sui.io:443",
    fundingHint: `request testnet SUI from ${FAUCET}`,
  },
  devnet: {
    url: "https://fullnode.devnet.sui.io:443",
    fundingHint: `request devnet SUI from ${FAUCET}`,
  },
  localnet: {
    url: "http://127.0.0.1:9000",
    fundingHint:
      "request SUI from the local faucet (sui start --with-faucet, http://127.0.0.1:9123)",
  },
};

/** The networks known by name, in the order help texts list them. */
export const NETWORK_NAMES = Object.keys(KNOWN) as NetworkName[];

/**
 * Maps a `--network` value to a full node: one of the four known names, or an `http(s)://` URL
 * (used, without trailing slashes, as both name and URL).
 *
 * @throws Error naming the accepted values when `nameOrUrl` is neither
 */
export function resolveNetwork(nameOrUrl: string): SuiNetwork {
  if (Object.hasOwn(KNOWN, nameOrUrl))
    return { name: nameOrUrl, ...KNOWN[nameOrUrl as NetworkName] };
  if (/^https?:\/\/[^/\s]+/.test(nameOrUrl)) {
    const url = nameOrUrl.replace(/\/+$/, "");
    return { name: url, url, fundingHint: "transfer SUI to it" };
  }
  throw new Error(
    `unknown network "${nameOrUrl}": use ${NETWORK_NAMES.join(", ")} or a full-node http(s):// URL`,
  );
}

/** How long one request to the full node may take before it counts as unreachable, in ms. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The error a full-node call fails with when no answer came back at all (connection refused,
 * DNS failure, TLS failure, timeout). It is an `RpcError` (code `UNAVAILABLE`, or
 * `DEADLINE_EXCEEDED` for a timeout) so the gRPC transport passes it through untouched, and its
 * message is one line naming the URL.
 */
export class NodeUnreachableError extends RpcError {
  constructor(
    readonly url: string,
    reason: string,
    code: "UNAVAILABLE" | "DEADLINE_EXCEEDED",
  ) {
    super(`cannot reach the Sui full node at ${url} (${reason})`, code);
    this.name = "NodeUnreachableError";
  }
}

/** Codes of a connection the node closed under a request, typically an idle keep-alive one. */
const DROPPED_CONNECTION = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE"]);

/** How {@link connectFullNode} talks to the node. */
export interface FullNodeOptions {
  /** The `fetch` to send requests with (default: the global one). */
  fetch?: typeof fetch;
  /**
   * Longest wait for one request, body included, ms (default 30 000); `null`: no limit, for a
   * caller that bounds its calls itself (a subscription stays open as long as it is followed).
   */
  requestTimeoutMs?: number | null;
  /** gRPC-web wire format (default `SuiGrpcClient`'s, text). */
  format?: "text" | "binary";
}

/**
 * Creates a gRPC client for a full node whose requests fail with {@link NodeUnreachableError}
 * when the node cannot be reached or takes longer than `requestTimeoutMs` (30 s) per request,
 * instead of the transport's bare `INTERNAL: fetch failed`. A request whose connection the node
 * dropped (`UND_ERR_SOCKET`, `ECONNRESET`, `EPIPE`: usually a pooled keep-alive connection that
 * went idle while the WASM compiler held the event loop) is sent once more; that is safe because
 * every call made through it is a read or the execution of a signed transaction, which Sui runs
 * at most once. Opens no connection until the first call.
 */
export function connectFullNode(
  network: Pick<SuiNetwork, "name" | "url">,
  options: FullNodeOptions = {},
): SuiGrpcClient {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs =
    options.requestTimeoutMs === undefined ? REQUEST_TIMEOUT_MS : options.requestTimeoutMs;
  const send = async (
    input: Parameters<typeof fetch>[0],
    init: RequestInit | undefined,
    retried: boolean,
  ): Promise<Response> => {
    const timeout = timeoutMs === null ? undefined : AbortSignal.timeout(timeoutMs);
    const signal =
      timeout && init?.signal ? AbortSignal.any([init.signal, timeout]) : (timeout ?? init?.signal);
    try {
      return await fetchImpl(input, { ...init, signal });
    } catch (error) {
      if (timeout?.aborted) {
        throw new NodeUnreachableError(
          network.url,
          `no answer within ${timeoutMs! / 1000} s`,
          "DEADLINE_EXCEEDED",
        );
      }
      if (init?.signal?.aborted) throw error;
      const reason = fetchFailureReason(error);
      if (!retried && DROPPED_CONNECTION.has(reason)) return send(input, init, true);
      throw new NodeUnreachableError(network.url, reason, "UNAVAILABLE");
    }
  };
  const guardedFetch: typeof fetch = (input, init) => send(input, init, false);
  return new SuiGrpcClient({
    network: network.name,
    baseUrl: network.url,
    fetch: guardedFetch,
    format: options.format,
  });
}

/** The most specific reason Node's fetch gives for a failed connection, e.g. `ECONNREFUSED`. */
function fetchFailureReason(error: unknown): string {
  const cause =
    error instanceof Error
      ? (error.cause as { code?: unknown; message?: unknown } | undefined)
      : undefined;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string" && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

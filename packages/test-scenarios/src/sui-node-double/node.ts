/**
 * The Sui full-node double (test tooling, never product): a loopback gRPC-web server that serves
 * a {@link Chain} of normalized checkpoints through the real `sui.rpc.v2` wire format, with read
 * masks applied and faults injected on demand.
 */
import { GrpcTypes, RpcError } from "@mysten/sui/grpc";
import type { Checkpoint } from "@verity/checkpoints";
import { Chain } from "./chain.ts";
import { FaultPlan } from "./faults.ts";
import { type GrpcWebServer, startGrpcWebServer } from "./grpc-web.ts";
import { applyReadMask } from "./read-mask.ts";
import { toProto } from "./to-proto.ts";

/** `Service/Method` of the calls the double answers, for `faults` and `calls`. */
export const NODE_METHODS = {
  getServiceInfo: "sui.rpc.v2.LedgerService/GetServiceInfo",
  getCheckpoint: "sui.rpc.v2.LedgerService/GetCheckpoint",
  subscribeCheckpoints: "sui.rpc.v2.SubscriptionService/SubscribeCheckpoints",
} as const;

/** A running double: the server, the chain it serves, and the faults it will inject. */
export interface SuiNodeDouble extends GrpcWebServer {
  /** The checkpoints served; `chain.push(...)` adds new ones while clients stream. */
  chain: Chain;
  /** Faults to inject, by `Service/Method` (see {@link NODE_METHODS}). */
  faults: FaultPlan;
}

/** Options of {@link startSuiNodeDouble}. */
export interface SuiNodeDoubleOptions {
  /** Released one at a time while a subscriber waits at the tip (see {@link Chain}). */
  upcoming?: readonly Checkpoint[];
  /**
   * How many checkpoints `GetServiceInfo` reports fewer than the chain holds, like a replica
   * behind a load balancer lagging the one that streams (default 0).
   */
  serviceInfoLag?: number;
}

/** What a node sends without a read mask (Sui's default for `GetCheckpoint`). */
const DEFAULT_READ_MASK = ["sequence_number", "digest"];

function masked(checkpoint: Checkpoint, readMask: { paths: string[] } | undefined): object {
  const paths = readMask?.paths.length ? readMask.paths : DEFAULT_READ_MASK;
  return applyReadMask(GrpcTypes.Checkpoint, toProto(checkpoint), paths);
}

/**
 * Starts the double on 127.0.0.1 with `checkpoints` (at least one, consecutive). It answers:
 * - `LedgerService/GetServiceInfo`: `checkpoint_height` (tip minus the lag),
 *   `lowest_available_checkpoint`, `epoch`;
 * - `LedgerService/GetCheckpoint` by sequence number (`NOT_FOUND` when not held);
 * - `SubscriptionService/SubscribeCheckpoints`: from the tip at subscription time on, one frame
 *   per checkpoint, waiting for new ones.
 * Other methods get `UNIMPLEMENTED`.
 */
export async function startSuiNodeDouble(
  checkpoints: readonly Checkpoint[],
  options: SuiNodeDoubleOptions = {},
): Promise<SuiNodeDouble> {
  const chain = new Chain(checkpoints, options.upcoming);
  const faults = new FaultPlan();
  const lag = BigInt(options.serviceInfoLag ?? 0);
  const server = await startGrpcWebServer(
    {
      [NODE_METHODS.getServiceInfo]: () => ({
        chain: "localnet",
        server: "sui-node-double",
        epoch: chain.get(chain.tip)?.epoch,
        checkpointHeight: chain.tip - lag,
        lowestAvailableCheckpoint: chain.lowest,
      }),
      [NODE_METHODS.getCheckpoint]: (request) => {
        const { checkpointId, readMask } = request as unknown as GrpcTypes.GetCheckpointRequest;
        if (checkpointId.oneofKind !== "sequenceNumber") {
          throw new RpcError(
            "the double looks checkpoints up by sequence number only",
            "UNIMPLEMENTED",
          );
        }
        const checkpoint = chain.get(checkpointId.sequenceNumber);
        if (!checkpoint) {
          throw new RpcError(`checkpoint ${checkpointId.sequenceNumber} not found`, "NOT_FOUND");
        }
        return { checkpoint: masked(checkpoint, readMask) };
      },
      [NODE_METHODS.subscribeCheckpoints]: async function* (request, signal) {
        const { readMask } = request as unknown as GrpcTypes.SubscribeCheckpointsRequest;
        for (let cursor = chain.tip; ; cursor++) {
          const checkpoint = await chain.waitFor(cursor, signal);
          if (!checkpoint) return;
          yield { cursor, checkpoint: masked(checkpoint, readMask) };
        }
      },
    },
    faults,
  );
  return Object.assign(server, { chain, faults });
}

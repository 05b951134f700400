import { readFileSync } from "node:fs";
import { RpcError } from "@mysten/sui/grpc";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import {
  type Checkpoint,
  type CheckpointTransaction,
  decodeCertifiedSummary,
  decodeCheckpointFile,
  nextCommittee,
  proofBundleOf,
  type SourceRetry,
  verifyProofBundle,
} from "@verity/checkpoints";
import { NodeUnreachableError } from "@verity/sdk";
import type { Fault } from "@verity/test-scenarios";
import {
  checkpoint,
  event,
  NODE_METHODS,
  type SuiNodeDouble,
  type SuiNodeDoubleOptions,
  startSuiNodeDouble,
} from "@verity/test-scenarios";
import { closedPortUrl, fixturePath } from "@verity/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  GrpcCheckpointSource,
  type GrpcCheckpointSourceOptions,
} from "../src/sources/grpc/source.ts";

const PACKAGE = normalizeSuiAddress("0xbeef");

/** Arbitrary but reproducible event contents (the pipelines test real layouts elsewhere). */
function bytes(seed: number): Uint8Array {
  return Uint8Array.from({ length: 1 + (seed % 23) }, (_, i) => (seed * 31 + i * 7) & 0xff);
}

/** Checkpoint `n`: three transactions, one of them without events, one event type generic. */
function make(n: number): Checkpoint {
  return checkpoint(n, [
    [
      event(PACKAGE, "events", "Thing", bytes(n)),
      {
        ...event(PACKAGE, "wrapped", "Box", bytes(n + 1000)),
        type: `${PACKAGE}::wrapped::Box<0x2::sui::SUI>`,
      },
    ],
    [],
    [event("0x2", "coin", "Moved", bytes(n + 2000), "0xa11ce")],
  ]);
}

/** Checkpoints `first..last`. */
const range = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => make(first + i));

const FAST: Omit<GrpcCheckpointSourceOptions, "url"> = {
  backoff: { initialMs: 1, maxMs: 10 },
  requestTimeoutMs: 2_000,
  idleTimeoutMs: 2_000,
};

const nodes: SuiNodeDouble[] = [];
afterEach(async () => {
  await Promise.all(nodes.splice(0).map((node) => node.close()));
});

async function startNode(
  checkpoints: Checkpoint[],
  options?: SuiNodeDoubleOptions,
): Promise<SuiNodeDouble> {
  const node = await startSuiNodeDouble(checkpoints, options);
  nodes.push(node);
  return node;
}

function sourceFor(node: SuiNodeDouble, options: Partial<GrpcCheckpointSourceOptions> = {}) {
  return new GrpcCheckpointSource({ url: node.url, ...FAST, ...options });
}

async function collect(stream: AsyncIterable<Checkpoint>): Promise<Checkpoint[]> {
  const seen: Checkpoint[] = [];
  for await (const checkpoint of stream) seen.push(checkpoint);
  return seen;
}

/** Requests the double received for `method`. */
const requestsOf = (node: SuiNodeDouble, method: string) =>
  node.calls.filter((call) => call.method === method).map((call) => call.request);

/** Sequence numbers of the `GetCheckpoint` calls the double received, in arrival order. */
const ledgerReads = (node: SuiNodeDouble) =>
  requestsOf(node, NODE_METHODS.getCheckpoint).map(
    (request) => (request.checkpointId as { sequenceNumber: bigint }).sequenceNumber,
  );

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("GrpcCheckpointSource", () => {
  it("backfills exactly from..to from the ledger, in order, without subscribing", async () => {
    const node = await startNode(range(0, 19));
    const seen = await collect(sourceFor(node, { concurrency: 4 }).stream(3n, { to: 12n }));
    expect(seen).toEqual(range(3, 12));
    expect([...ledgerReads(node)].sort((a, b) => Number(a - b))).toEqual(
      range(3, 12).map((c) => c.sequenceNumber),
    );
    expect(requestsOf(node, NODE_METHODS.subscribeCheckpoints)).toHaveLength(0);
  });

  it("follows the tip with the subscription once caught up, skipping what it already has", async () => {
    const node = await startNode(range(0, 9), { upcoming: range(10, 24) });
    const seen = await collect(sourceFor(node).stream(0n, { to: 24n }));
    expect(seen).toEqual(range(0, 24));
    expect(requestsOf(node, NODE_METHODS.subscribeCheckpoints)).toHaveLength(1);
    expect(ledgerReads(node).every((n) => n <= 9n)).toBe(true);
  });

  it("fills the gap before the first streamed checkpoint from the ledger", async () => {
    const node = await startNode(range(0, 9), { upcoming: range(10, 14), serviceInfoLag: 3 });
    const seen = await collect(sourceFor(node).stream(0n, { to: 14n }));
    expect(seen).toEqual(range(0, 14));
    const subscribed = node.calls.findIndex(
      (call) => call.method === NODE_METHODS.subscribeCheckpoints,
    );
    const afterSubscribing = node.calls
      .slice(subscribed)
      .filter((call) => call.method === NODE_METHODS.getCheckpoint)
      .map((call) => (call.request.checkpointId as { sequenceNumber: bigint }).sequenceNumber);
    expect(afterSubscribing).toEqual([7n, 8n]);
  });

  it("waits on the subscription when `from` is ahead of the tip", async () => {
    const node = await startNode(range(0, 9), { upcoming: range(10, 15) });
    const seen = await collect(sourceFor(node).stream(12n, { to: 15n }));
    expect(seen).toEqual(range(12, 15));
    expect(ledgerReads(node)).toEqual([]);
  });

  it("asks only for the fields it reads", async () => {
    const node = await startNode(range(0, 4), { upcoming: range(5, 6) });
    await collect(sourceFor(node).stream(0n, { to: 6n }));
    const masks = [
      ...requestsOf(node, NODE_METHODS.getCheckpoint),
      ...requestsOf(node, NODE_METHODS.subscribeCheckpoints),
    ].map((request) => (request.readMask as { paths: string[] }).paths);
    expect(masks.length).toBeGreaterThan(5);
    for (const paths of masks) {
      expect(paths).toEqual([
        "sequence_number",
        "digest",
        "summary.epoch",
        "summary.timestamp",
        "transactions.digest",
        "transactions.events.events.event_type",
        "transactions.events.events.sender",
        "transactions.events.events.contents",
        "summary.bcs",
        "signature",
        "contents.bcs",
        "transactions.effects.bcs",
        "transactions.events.bcs",
      ]);
    }
  });

  it("brings a real checkpoint with proof parts whose bundles verify", async () => {
    const file = (seq: number) => new Uint8Array(readFileSync(fixturePath("mainnet", seq)));
    const certified = decodeCheckpointFile(file(16005062));
    const node = await startNode([certified]);
    // the same checkpoint, byte for byte, as decoding the file gives
    const [seen] = await collect(sourceFor(node).stream(16005062n, { to: 16005062n }));
    expect(seen).toEqual(certified);
    const committee = nextCommittee(decodeCertifiedSummary(file(15918264)));
    const tx = seen!.transactions[1]!;
    const verdict = verifyProofBundle(proofBundleOf(seen!, tx, 210), committee);
    expect(verdict).toMatchObject({ ok: true, proven: { event: tx.events[210] } });
  });

  it("with verifyDigests, refuses events the node's BCS does not commit to", async () => {
    const file = new Uint8Array(readFileSync(fixturePath("mainnet", 16005062)));
    const real = decodeCheckpointFile(file);
    const [system, endOfEpoch] = real.transactions as [
      CheckpointTransaction,
      CheckpointTransaction,
    ];
    const dropped = {
      ...real,
      transactions: [system, { ...endOfEpoch, events: endOfEpoch.events.slice(1) }],
    };
    const read = async (served: Checkpoint) => {
      const node = await startNode([served]);
      return collect(sourceFor(node, { verifyDigests: true }).stream(16005062n, { to: 16005062n }));
    };
    expect(await read(real)).toEqual([real]);
    await expect(read(dropped)).rejects.toThrow(
      `checkpoint 16005062: transaction 1 (${endOfEpoch.digest}): the events BCS holds 211 events, 210 came`,
    );
  });

  describe("yields the same checkpoints, once each, despite", () => {
    // [what, fault, whether the source must give up on the call and retry]
    const cases: [string, Fault, boolean][] = [
      ["UNAVAILABLE", { kind: "status", code: "UNAVAILABLE" }, true],
      ["answers delayed within the timeout", { kind: "delay", ms: 30 }, false],
      ["answers delayed past the timeout", { kind: "delay", ms: 10_000 }, true],
      ["a node that ends the stream", { kind: "end" }, true],
      ["responses dropped without trailers", { kind: "drop" }, true],
      ["truncated responses", { kind: "truncate" }, true],
      ["reset connections", { kind: "reset" }, true],
    ];
    it.each(cases)("%s", { timeout: 10_000 }, async (_, fault, retried) => {
      const node = await startNode(range(0, 9), { upcoming: range(10, 24) });
      node.faults.failNext(NODE_METHODS.getServiceInfo, fault);
      node.faults.failNext(NODE_METHODS.getCheckpoint, fault, 2);
      // on the subscription, faults that strike before a frame strike before the third one
      const streamFault: Fault =
        fault.kind === "status" || fault.kind === "delay" ? fault : { ...fault, after: 2 };
      node.faults.failNext(NODE_METHODS.subscribeCheckpoints, streamFault, 2);
      const source = sourceFor(node, { requestTimeoutMs: 300, idleTimeoutMs: 300 });
      const seen = await collect(source.stream(0n, { to: 24n }));
      expect(seen).toEqual(range(0, 24));
      const subscriptions = requestsOf(node, NODE_METHODS.subscribeCheckpoints).length;
      if (retried) {
        expect(node.faults.injected).toHaveLength(5);
        expect(subscriptions).toBeGreaterThanOrEqual(3);
      } else {
        expect(node.faults.injected).toHaveLength(4);
        expect(subscriptions).toBe(1);
      }
    });

    it("a seeded mix of every fault on every call", { timeout: 20_000 }, async () => {
      const node = await startNode(range(0, 29), { upcoming: range(30, 59) });
      node.faults.chaos({
        seed: 7,
        rate: 0.3,
        methods: Object.values(NODE_METHODS),
        faults: [
          { kind: "status", code: "UNAVAILABLE" },
          { kind: "delay", ms: 20 },
          { kind: "delay", ms: 10_000 },
          ...(["end", "drop", "truncate", "reset"] as const).flatMap((kind) => [
            { kind, after: 0 },
            { kind, after: 1 },
          ]),
        ],
      });
      const source = sourceFor(node, { concurrency: 4, requestTimeoutMs: 300, idleTimeoutMs: 300 });
      const seen = await collect(source.stream(0n, { to: 59n }));
      expect(seen).toEqual(range(0, 59));
      expect(node.faults.injected.length).toBeGreaterThanOrEqual(10);
    });
  });

  it("ends quietly when aborted while following the tip", async () => {
    const node = await startNode(range(0, 4));
    const abort = new AbortController();
    const seen = collect(sourceFor(node).stream(0n, { signal: abort.signal }));
    await until(() => requestsOf(node, NODE_METHODS.subscribeCheckpoints).length > 0);
    abort.abort();
    expect(await seen).toEqual(range(0, 4));
  });

  it("ends quietly when aborted while waiting to retry", async () => {
    const node = await startNode(range(0, 4));
    node.faults.failNext(NODE_METHODS.getServiceInfo, { kind: "status", code: "UNAVAILABLE" }, 5);
    const abort = new AbortController();
    const source = sourceFor(node, { backoff: { initialMs: 60_000, maxMs: 60_000 } });
    const seen = collect(source.stream(0n, { signal: abort.signal }));
    await until(() => node.calls.length > 0);
    abort.abort();
    expect(await seen).toEqual([]);
  });

  it("stops cleanly when the consumer stops early", async () => {
    const node = await startNode(range(0, 49));
    const seen: Checkpoint[] = [];
    for await (const checkpoint of sourceFor(node).stream(0n)) {
      seen.push(checkpoint);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(range(0, 2));
  });

  it("refuses a checkpoint the node has pruned, naming what it still has", async () => {
    const node = await startNode(range(5, 9));
    await expect(collect(sourceFor(node).stream(2n))).rejects.toThrow(
      `checkpoint 2 is no longer available on full node ${node.url}: it keeps checkpoints from 5 on`,
    );
  });

  it("throws a status retrying cannot fix, without retrying", async () => {
    const node = await startNode(range(0, 9));
    node.faults.failNext(NODE_METHODS.getCheckpoint, { kind: "status", code: "PERMISSION_DENIED" });
    const failure = collect(sourceFor(node, { concurrency: 1 }).stream(0n, { to: 3n }));
    await expect(failure).rejects.toBeInstanceOf(RpcError);
    await expect(failure).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
    expect(requestsOf(node, NODE_METHODS.getServiceInfo)).toHaveLength(1);
  });

  describe("latestCheckpoint", () => {
    it("answers the node's tip, retrying transient failures and reporting each retry", async () => {
      const node = await startNode(range(0, 6));
      node.faults.failNext(NODE_METHODS.getServiceInfo, { kind: "status", code: "UNAVAILABLE" }, 2);
      const retries: SourceRetry[] = [];
      const source = sourceFor(node, { onRetry: (retry) => retries.push(retry) });
      expect(await source.latestCheckpoint()).toBe(6n);
      expect(retries.map((r) => [r.url, r.attempt, (r.error as RpcError).code])).toEqual([
        [node.url, 1, "UNAVAILABLE"],
        [node.url, 2, "UNAVAILABLE"],
      ]);
    });

    it("keeps retrying a node nobody answers at, naming it, until aborted", async () => {
      const url = await closedPortUrl();
      const retries: SourceRetry[] = [];
      const abort = new AbortController();
      const source = new GrpcCheckpointSource({
        url,
        ...FAST,
        onRetry: (retry) => {
          retries.push(retry);
          if (retries.length === 3) abort.abort();
        },
      });
      await expect(source.latestCheckpoint(abort.signal)).rejects.toMatchObject({
        name: "AbortError",
      });
      expect(retries).toHaveLength(3);
      expect(retries[0]!.error).toBeInstanceOf(NodeUnreachableError);
      expect((retries[0]!.error as Error).message).toBe(
        `cannot reach the Sui full node at ${url} (ECONNREFUSED)`,
      );
    });
  });
});

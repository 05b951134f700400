import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturePath, fixtures, readFixture, SUI_CHECKPOINTS } from "@verity/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Checkpoint, SourceRetry } from "../src/checkpoint.ts";
import { decodeCheckpointData } from "../src/chk/decode.ts";
import { CheckpointDecodeError } from "../src/chk/error.ts";
import { CheckpointData } from "../src/chk/layouts/checkpoint.ts";
import { DirectoryCheckpointSource } from "../src/store/directory.ts";
import { HttpCheckpointSource } from "../src/store/http.ts";

const TESTNET = join(SUI_CHECKPOINTS, "testnet");
const testnet = fixtures.filter((f) => f.network === "testnet").map((f) => f.sequence_number);

async function collect(stream: AsyncIterable<Checkpoint>): Promise<number[]> {
  const seen: number[] = [];
  for await (const checkpoint of stream) seen.push(Number(checkpoint.sequenceNumber));
  return seen;
}

describe("DirectoryCheckpointSource", () => {
  const source = new DirectoryCheckpointSource(TESTNET, { concurrency: 4 });

  it("yields every file in increasing order", async () => {
    expect(await collect(source.stream(0n))).toEqual(testnet);
  });

  it("starts at the first file >= from and ends after to, in a sparse directory", async () => {
    const from = 248054000n; // between 248053954 and 248054049
    const to = 258579946n;
    expect(await collect(source.stream(from, { to }))).toEqual(
      testnet.filter((seq) => seq >= from && seq <= to),
    );
    expect(await collect(source.stream(275761459n))).toEqual([]);
  });

  it("lets the consumer stop early", async () => {
    const seen: number[] = [];
    for await (const checkpoint of source.stream(0n)) {
      seen.push(Number(checkpoint.sequenceNumber));
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(testnet.slice(0, 2));
  });

  it("delivers the checkpoints before a corrupt file, then throws naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verity-chk-"));
    for (const seq of testnet.slice(0, 3))
      copyFileSync(fixturePath("testnet", seq), join(dir, `${seq}.chk`));
    writeFileSync(
      join(dir, `${testnet[1]}.chk`),
      readFixture("testnet", testnet[1]!).subarray(0, 100),
    );
    writeFileSync(join(dir, "notes.txt"), "ignored");
    const seen: number[] = [];
    const error = await (async () => {
      for await (const checkpoint of new DirectoryCheckpointSource(dir).stream(0n)) {
        seen.push(Number(checkpoint.sequenceNumber));
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(testnet.slice(0, 1));
    expect(error).toBeInstanceOf(CheckpointDecodeError);
    expect((error as Error).message).toContain(join(dir, `${testnet[1]}.chk`));
  });

  it("checks the digests only when asked to", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verity-chk-"));
    const seq = testnet[0]!;
    const corrupt = readFixture("testnet", seq).slice();
    const event = decodeCheckpointData(corrupt).transactions.find((tx) => tx.events)!.events!;
    corrupt[event.value.data[0]!.contents.byteOffset]! ^= 1;
    writeFileSync(join(dir, `${seq}.chk`), corrupt);
    expect(await collect(new DirectoryCheckpointSource(dir).stream(0n))).toEqual([seq]);
    await expect(
      collect(new DirectoryCheckpointSource(dir, { verifyDigests: true }).stream(0n)),
    ).rejects.toThrow(
      new RegExp(`^${join(dir, `${seq}.chk`)}: transactions\\[\\d+\\]: the events do not match`),
    );
  });

  it("rejects a file that holds another checkpoint than its name says", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verity-chk-"));
    copyFileSync(fixturePath("testnet", testnet[0]!), join(dir, "5.chk"));
    await expect(collect(new DirectoryCheckpointSource(dir).stream(0n))).rejects.toThrow(
      `${join(dir, "5.chk")}: holds checkpoint ${testnet[0]}, expected 5`,
    );
  });
});

/**
 * A real checkpoint renumbered to `seq` (the summary is re-encoded; contents and transactions
 * are untouched, so every digest still ties together): HTTP stores are dense, the fixtures not.
 */
function renumbered(fixture: number, seq: number): Uint8Array {
  const data = decodeCheckpointData(readFixture("testnet", fixture));
  data.checkpointSummary.data.value.sequenceNumber = String(seq);
  const body = CheckpointData.serialize(data, { maxSize: 1 << 24 }).toBytes();
  const file = new Uint8Array(1 + body.length);
  file[0] = 0x01;
  file.set(body, 1);
  return file;
}

/** What the loopback store answers for `/<seq>.chk`: bytes (200), a status, or a custom reply. */
type Reply = Uint8Array | number | ((res: ServerResponse) => void);

describe("HttpCheckpointSource against a loopback store", () => {
  const FIRST = 1000;
  const files = testnet.slice(0, 6).map((fixture, i) => renumbered(fixture, FIRST + i));
  const replies = new Map<number, Reply[]>(); // per checkpoint: replies to give in turn
  const requests: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let delayOf = (_seq: number) => 0;
  let baseUrl = "";
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const seq = Number(/^\/(\d+)\.chk$/.exec(req.url ?? "")?.[1]);
    requests.push(seq);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let answered = false;
    const answer = () => {
      if (!answered) inFlight -= 1;
      answered = true;
    };
    res.on("close", answer);
    setTimeout(() => {
      answer();
      const queue = replies.get(seq);
      const reply = queue && queue.length > 1 ? queue.shift()! : (queue?.[0] ?? 404);
      if (typeof reply === "function") return reply(res);
      if (typeof reply === "number") return res.writeHead(reply).end();
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(reply);
    }, delayOf(seq));
  });

  /** Serves checkpoints FIRST..FIRST+count-1 as files. */
  const serve = (count: number) => {
    for (const [i, bytes] of files.slice(0, count).entries()) replies.set(FIRST + i, [bytes]);
  };
  const source = (options: ConstructorParameters<typeof HttpCheckpointSource>[1] = {}) =>
    new HttpCheckpointSource(`${baseUrl}/`, { pollIntervalMs: 20, retryInitialMs: 5, ...options });

  beforeAll(async () => {
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((closed) => server.close(closed)));
  afterEach(() => {
    replies.clear();
    requests.length = 0;
    maxInFlight = 0;
    delayOf = () => 0;
  });

  it("fetches ahead with bounded concurrency and delivers in order", async () => {
    serve(6);
    delayOf = (seq) => (FIRST + 6 - seq) * 15; // earlier checkpoints answer last
    const stream = source({ concurrency: 3 }).stream(BigInt(FIRST), { to: BigInt(FIRST + 5) });
    expect(await collect(stream)).toEqual([0, 1, 2, 3, 4, 5].map((i) => FIRST + i));
    expect(maxInFlight).toBe(3);
    expect(requests.filter((seq) => seq > FIRST + 5)).toEqual([]); // nothing past `to`
  });

  it("polls at the tip (404) and goes on when the checkpoint appears", async () => {
    serve(2);
    const seen: number[] = [];
    for await (const checkpoint of source({ concurrency: 2 }).stream(BigInt(FIRST), {
      to: BigInt(FIRST + 2),
    })) {
      seen.push(Number(checkpoint.sequenceNumber));
      if (seen.length === 2) {
        // Polled again and again while it is missing (however slow the machine), then served.
        const polls = () => requests.filter((seq) => seq === FIRST + 2).length;
        while (polls() <= 2) await new Promise((wait) => setTimeout(wait, 10));
        replies.set(FIRST + 2, [files[2]!]);
      }
    }
    expect(seen).toEqual([FIRST, FIRST + 1, FIRST + 2]);
  });

  it("polls only the next checkpoint at the tip, then prefetches again once it appears", async () => {
    serve(2);
    const pollIntervalMs = 50;
    // The 404s of the prefetched checkpoints come back highest first: the lowest one takes over.
    delayOf = (seq) => (seq > FIRST + 1 ? (FIRST + 6 - seq) * 10 : 0);
    const stream = source({ concurrency: 4, pollIntervalMs }).stream(BigInt(FIRST), {
      to: BigInt(FIRST + 5),
    });
    const seen: number[] = [];
    for await (const checkpoint of stream) {
      seen.push(Number(checkpoint.sequenceNumber));
      if (seen.length !== 2) continue;
      await new Promise((wait) => setTimeout(wait, 3 * pollIntervalMs)); // the tip is settled
      const before = requests.length;
      const intervals = 6;
      await new Promise((wait) => setTimeout(wait, intervals * pollIntervalMs));
      const atTip = requests.slice(before);
      expect(new Set(atTip)).toEqual(new Set([FIRST + 2]));
      expect(atTip.length).toBeLessThanOrEqual(intervals + 1);
      for (const [i, bytes] of files.slice(2).entries()) replies.set(FIRST + 2 + i, [bytes]);
      maxInFlight = 0;
      delayOf = () => 30;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5].map((i) => FIRST + i));
    expect(maxInFlight).toBe(3); // FIRST + 3..5 fetched together once FIRST + 2 appeared
  }, 10_000);

  it("retries 503, a reset connection and a timeout with backoff", async () => {
    serve(3);
    replies.set(FIRST + 1, [503, 503, files[1]!]);
    replies.set(FIRST + 2, [(res) => res.socket?.destroy(), () => {}, files[2]!]);
    const retries: SourceRetry[] = [];
    const stream = source({ requestTimeoutMs: 200, onRetry: (r) => retries.push(r) }).stream(
      BigInt(FIRST),
      { to: BigInt(FIRST + 2) },
    );
    expect(await collect(stream)).toEqual([FIRST, FIRST + 1, FIRST + 2]);
    const of = (seq: number) => retries.filter((r) => r.url === `${baseUrl}/${seq}.chk`);
    expect(of(FIRST + 1).map((r) => [r.attempt, r.delayMs, String(r.error)])).toEqual([
      [1, 5, `Error: ${baseUrl}/${FIRST + 1}.chk: HTTP 503 Service Unavailable`],
      [2, 10, `Error: ${baseUrl}/${FIRST + 1}.chk: HTTP 503 Service Unavailable`],
    ]);
    expect(of(FIRST + 2).map((r) => r.attempt)).toEqual([1, 2]);
    expect((of(FIRST + 2)[1]!.error as Error).name).toBe("TimeoutError");
  });

  it("fails on a truncated body, naming the URL, after delivering what came before", async () => {
    serve(3);
    replies.set(FIRST + 1, [files[1]!.subarray(0, 500)]);
    const seen: number[] = [];
    const error = await (async () => {
      for await (const checkpoint of source().stream(BigInt(FIRST))) {
        seen.push(Number(checkpoint.sequenceNumber));
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual([FIRST]);
    expect(error).toBeInstanceOf(CheckpointDecodeError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${baseUrl}/${FIRST + 1}\\.chk: unexpected end of data at byte \\d+ of 500`),
    );
  });

  it("fails on a status that retrying cannot fix", async () => {
    replies.set(FIRST, [403]);
    await expect(collect(source().stream(BigInt(FIRST)))).rejects.toThrow(
      `${baseUrl}/${FIRST}.chk: HTTP 403 Forbidden`,
    );
  });

  it("ends cleanly on abort, waiting at the tip, and stops asking", async () => {
    serve(2);
    const controller = new AbortController();
    const seen: number[] = [];
    for await (const checkpoint of source().stream(BigInt(FIRST), { signal: controller.signal })) {
      seen.push(Number(checkpoint.sequenceNumber));
      if (seen.length === 2) setTimeout(() => controller.abort(), 50);
    }
    expect(seen).toEqual([FIRST, FIRST + 1]);
    await new Promise((wait) => setTimeout(wait, 30)); // requests sent before the abort
    const asked = requests.length;
    await new Promise((wait) => setTimeout(wait, 100));
    expect(requests.length).toBe(asked);
  });
});

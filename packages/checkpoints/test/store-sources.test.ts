import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturePath, fixtures, readFixture, SUI_CHECKPOINTS } from "@verity/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { encodeCheckpointBlob } from "../src/binpb/encode.ts";
import type { Checkpoint, SourceRetry } from "../src/checkpoint.ts";
import { decodeCheckpointData } from "../src/chk/decode.ts";
import { CheckpointDecodeError } from "../src/chk/error.ts";
import { CheckpointData } from "../src/chk/layouts/checkpoint.ts";
import { DirectoryCheckpointSource } from "../src/store/directory.ts";
import { STORE_FORMATS, type StoreFormat } from "../src/store/format.ts";
import { HttpCheckpointSource } from "../src/store/http.ts";

const TESTNET = join(SUI_CHECKPOINTS, "testnet");
const testnet = fixtures.filter((f) => f.network === "testnet").map((f) => f.sequence_number);

async function collect(stream: AsyncIterable<Checkpoint>): Promise<number[]> {
  const seen: number[] = [];
  for await (const checkpoint of stream) seen.push(Number(checkpoint.sequenceNumber));
  return seen;
}

/** A `.chk` file's bytes as a file of `format`. */
const inFormat = (chk: Uint8Array, format: StoreFormat) =>
  format === "chk" ? chk : encodeCheckpointBlob(decodeCheckpointData(chk));

/** A fresh directory holding the testnet fixtures `seqs` in `format`. */
function storeOf(format: StoreFormat, seqs: readonly number[] = testnet): string {
  const dir = mkdtempSync(join(tmpdir(), "verity-store-"));
  for (const seq of seqs) {
    if (format === "chk") copyFileSync(fixturePath("testnet", seq), join(dir, `${seq}.chk`));
    else
      writeFileSync(join(dir, `${seq}.${format}`), inFormat(readFixture("testnet", seq), format));
  }
  return dir;
}

/** The first checkpoint event's contents flipped by one bit: still decodes, digests disagree. */
function corruptEvents(seq: number): Uint8Array {
  const corrupt = readFixture("testnet", seq).slice();
  const event = decodeCheckpointData(corrupt).transactions.find((tx) => tx.events)!.events!;
  corrupt[event.value.data[0]!.contents.byteOffset]! ^= 1;
  return corrupt;
}

/** How a truncated file of each format is refused (`length`: its length). */
const truncation = (format: StoreFormat, length: number) =>
  format === "chk"
    ? `unexpected end of data at byte \\d+ of ${length}`
    : "not zstd-compressed data: ";

describe.each(STORE_FORMATS)("DirectoryCheckpointSource over .%s files", (format) => {
  const dir = storeOf(format);
  const source = new DirectoryCheckpointSource(dir, { concurrency: 4 });

  it("yields every file in increasing order, the same checkpoints as the fixtures", async () => {
    expect(await collect(source.stream(0n))).toEqual(testnet);
    const first = async (from: DirectoryCheckpointSource) => {
      for await (const checkpoint of from.stream(0n)) return checkpoint;
    };
    expect(await first(source)).toEqual(await first(new DirectoryCheckpointSource(TESTNET)));
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
    const corruptDir = storeOf(format, testnet.slice(0, 3));
    const bad = join(corruptDir, `${testnet[1]}.${format}`);
    const good = inFormat(readFixture("testnet", testnet[1]!), format);
    writeFileSync(bad, good.subarray(0, 100));
    writeFileSync(join(corruptDir, "notes.txt"), "ignored");
    const seen: number[] = [];
    const error = await (async () => {
      for await (const checkpoint of new DirectoryCheckpointSource(corruptDir).stream(0n)) {
        seen.push(Number(checkpoint.sequenceNumber));
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(testnet.slice(0, 1));
    expect(error).toBeInstanceOf(CheckpointDecodeError);
    expect((error as Error).message).toMatch(new RegExp(`^${bad}: ${truncation(format, 100)}`));
  });

  it("checks the digests only when asked to", async () => {
    const corruptDir = mkdtempSync(join(tmpdir(), "verity-store-"));
    const seq = testnet[0]!;
    const path = join(corruptDir, `${seq}.${format}`);
    writeFileSync(path, inFormat(corruptEvents(seq), format));
    expect(await collect(new DirectoryCheckpointSource(corruptDir).stream(0n))).toEqual([seq]);
    await expect(
      collect(new DirectoryCheckpointSource(corruptDir, { verifyDigests: true }).stream(0n)),
    ).rejects.toThrow(new RegExp(`^${path}: transactions\\[\\d+\\]: the events do not match`));
  });

  it("rejects a file that holds another checkpoint than its name says", async () => {
    const renamed = mkdtempSync(join(tmpdir(), "verity-store-"));
    writeFileSync(
      join(renamed, `5.${format}`),
      inFormat(readFixture("testnet", testnet[0]!), format),
    );
    await expect(collect(new DirectoryCheckpointSource(renamed).stream(0n))).rejects.toThrow(
      `${join(renamed, `5.${format}`)}: holds checkpoint ${testnet[0]}, expected 5`,
    );
  });
});

describe("DirectoryCheckpointSource's format", () => {
  const [a, b, c] = testnet as [number, number, number];

  /** A directory with `binpb` as .binpb.zst and `chk` as .chk files, the .chk ones corrupt. */
  function mixed(binpb: number[], chk: number[]): string {
    const dir = storeOf("binpb.zst", binpb);
    for (const seq of chk) writeFileSync(join(dir, `${seq}.chk`), Uint8Array.of(2, 0));
    return dir;
  }

  it("is .binpb.zst when the directory holds both: the .chk files are not read", async () => {
    expect(
      await collect(new DirectoryCheckpointSource(mixed([a, b, c], [a, b, c])).stream(0n)),
    ).toEqual([a, b, c]);
  });

  it("is .chk when the range asked holds no .binpb.zst file", async () => {
    const dir = storeOf("chk", [a, b]);
    writeFileSync(join(dir, `${c}.binpb.zst`), inFormat(readFixture("testnet", c), "binpb.zst"));
    expect(await collect(new DirectoryCheckpointSource(dir).stream(0n, { to: BigInt(b) }))).toEqual(
      [a, b],
    );
  });

  it("refuses to skip a checkpoint held only as .chk when reading .binpb.zst files", async () => {
    const dir = mixed([a, c], [a, b, c]);
    await expect(collect(new DirectoryCheckpointSource(dir).stream(0n))).rejects.toThrow(
      `${dir}: holds checkpoint ${b} only as ${join(dir, `${b}.chk`)}, and is read from its .binpb.zst files`,
    );
  });

  it("is the one given, whatever the directory holds", async () => {
    const dir = mixed([a, c], [a, b, c]);
    expect(
      await collect(new DirectoryCheckpointSource(dir, { format: "binpb.zst" }).stream(0n)),
    ).toEqual([a, c]);
    await expect(
      collect(new DirectoryCheckpointSource(dir, { format: "chk" }).stream(0n)),
    ).rejects.toThrow(`${join(dir, `${a}.chk`)}: unknown blob-encoding tag 0x02`);
  });
});

describe("DirectoryCheckpointSource.endOfEpochCheckpoints", () => {
  const withEpochs = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), "verity-store-"));
    writeFileSync(join(dir, "epochs.json"), text);
    return dir;
  };

  it("reads the last checkpoint of each epoch, exactly, from epochs.json", async () => {
    const dir = withEpochs("[9769,22537,9007199254740993]");
    expect(await new DirectoryCheckpointSource(dir).endOfEpochCheckpoints()).toEqual([
      9769n,
      22537n,
      9007199254740993n,
    ]);
  });

  it("is undefined without epochs.json (the fixtures)", async () => {
    expect(await new DirectoryCheckpointSource(TESTNET).endOfEpochCheckpoints()).toBeUndefined();
  });

  it.each([
    ["[9769,", "not JSON: "],
    ['{"epochs":[]}', "not a JSON array of checkpoint sequence numbers"],
    ["[9769,-1]", "entry 1 is not a checkpoint sequence number (a whole number)"],
    ['[9769,"22537"]', "entry 1 is not a checkpoint sequence number (a whole number)"],
    ["[9769,2.5]", "entry 1 is not a checkpoint sequence number (a whole number)"],
    ["[9769,9769]", "entry 1 (9769) does not follow entry 0 (9769)"],
  ])("refuses %s, naming the file", async (text, reason) => {
    const dir = withEpochs(text);
    const error = await new DirectoryCheckpointSource(dir).endOfEpochCheckpoints().catch((e) => e);
    expect(error).toBeInstanceOf(CheckpointDecodeError);
    expect((error as Error).message.startsWith(`${join(dir, "epochs.json")}: ${reason}`)).toBe(
      true,
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

/** What the loopback store answers for a file: bytes (200), a status, or a custom reply. */
type Reply = Uint8Array | number | ((res: ServerResponse) => void);

describe("HttpCheckpointSource against a loopback store", () => {
  const FIRST = 1000;
  const chkFiles = testnet.slice(0, 6).map((fixture, i) => renumbered(fixture, FIRST + i));
  const filesIn = (format: StoreFormat) => chkFiles.map((chk) => inFormat(chk, format));
  const replies = new Map<string, Reply[]>(); // per file name: replies to give in turn
  const requests: string[] = []; // file names asked for, in order
  let inFlight = 0;
  let maxInFlight = 0;
  let delayOf = (_name: string) => 0;
  let baseUrl = "";
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const name = (req.url ?? "").slice(1);
    requests.push(name);
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
      const queue = replies.get(name);
      const reply = queue && queue.length > 1 ? queue.shift()! : (queue?.[0] ?? 404);
      if (typeof reply === "function") return reply(res);
      if (typeof reply === "number") return res.writeHead(reply).end();
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(reply);
    }, delayOf(name));
  });

  /** Serves checkpoints FIRST + i for each i of `indices` as files of `format`. */
  const serve = (format: StoreFormat, indices: Iterable<number>) => {
    for (const i of indices) replies.set(`${FIRST + i}.${format}`, [filesIn(format)[i]!]);
  };
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const seqOf = (name: string) => Number(/^(\d+)\./.exec(name)?.[1]);
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

  describe.each(STORE_FORMATS)("asking for .%s files only", (format) => {
    const files = filesIn(format);
    const forced = (options: Parameters<typeof source>[0] = {}) => source({ format, ...options });

    it("fetches ahead with bounded concurrency and delivers in order", async () => {
      serve(format, range(0, 6));
      delayOf = (name) => (FIRST + 6 - seqOf(name)) * 15; // earlier checkpoints answer last
      const stream = forced({ concurrency: 3 }).stream(BigInt(FIRST), { to: BigInt(FIRST + 5) });
      expect(await collect(stream)).toEqual(range(0, 6).map((i) => FIRST + i));
      expect(maxInFlight).toBe(3);
      expect(requests.filter((name) => seqOf(name) > FIRST + 5)).toEqual([]); // nothing past `to`
      expect(requests.every((name) => name.endsWith(`.${format}`))).toBe(true);
    });

    it("polls at the tip (404) and goes on when the checkpoint appears", async () => {
      serve(format, range(0, 2));
      const seen: number[] = [];
      for await (const checkpoint of forced({ concurrency: 2 }).stream(BigInt(FIRST), {
        to: BigInt(FIRST + 2),
      })) {
        seen.push(Number(checkpoint.sequenceNumber));
        if (seen.length === 2) {
          // Polled again and again while it is missing (however slow the machine), then served.
          const polls = () => requests.filter((name) => seqOf(name) === FIRST + 2).length;
          while (polls() <= 2) await new Promise((wait) => setTimeout(wait, 10));
          serve(format, [2]);
        }
      }
      expect(seen).toEqual([FIRST, FIRST + 1, FIRST + 2]);
    });

    it("polls only the next checkpoint at the tip, then prefetches again once it appears", async () => {
      serve(format, range(0, 2));
      const pollIntervalMs = 50;
      // The 404s of the prefetched checkpoints come back highest first: the lowest one takes over.
      delayOf = (name) => (seqOf(name) > FIRST + 1 ? (FIRST + 6 - seqOf(name)) * 10 : 0);
      const stream = forced({ concurrency: 4, pollIntervalMs }).stream(BigInt(FIRST), {
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
        expect(new Set(atTip)).toEqual(new Set([`${FIRST + 2}.${format}`]));
        expect(atTip.length).toBeLessThanOrEqual(intervals + 1);
        serve(format, range(2, 6));
        maxInFlight = 0;
        delayOf = () => 30;
      }
      expect(seen).toEqual(range(0, 6).map((i) => FIRST + i));
      expect(maxInFlight).toBe(3); // FIRST + 3..5 fetched together once FIRST + 2 appeared
    }, 10_000);

    it("retries 503, a reset connection and a timeout with backoff", async () => {
      serve(format, range(0, 3));
      replies.set(`${FIRST + 1}.${format}`, [503, 503, files[1]!]);
      replies.set(`${FIRST + 2}.${format}`, [(res) => res.socket?.destroy(), () => {}, files[2]!]);
      const retries: SourceRetry[] = [];
      const stream = forced({ requestTimeoutMs: 200, onRetry: (r) => retries.push(r) }).stream(
        BigInt(FIRST),
        { to: BigInt(FIRST + 2) },
      );
      expect(await collect(stream)).toEqual([FIRST, FIRST + 1, FIRST + 2]);
      const of = (seq: number) => retries.filter((r) => r.url === `${baseUrl}/${seq}.${format}`);
      expect(of(FIRST + 1).map((r) => [r.attempt, r.delayMs, String(r.error)])).toEqual([
        [1, 5, `Error: ${baseUrl}/${FIRST + 1}.${format}: HTTP 503 Service Unavailable`],
        [2, 10, `Error: ${baseUrl}/${FIRST + 1}.${format}: HTTP 503 Service Unavailable`],
      ]);
      expect(of(FIRST + 2).map((r) => r.attempt)).toEqual([1, 2]);
      expect((of(FIRST + 2)[1]!.error as Error).name).toBe("TimeoutError");
    });

    it("fails on a truncated body, naming the URL, after delivering what came before", async () => {
      serve(format, range(0, 3));
      replies.set(`${FIRST + 1}.${format}`, [files[1]!.subarray(0, 500)]);
      const seen: number[] = [];
      const error = await (async () => {
        for await (const checkpoint of forced().stream(BigInt(FIRST))) {
          seen.push(Number(checkpoint.sequenceNumber));
        }
      })().catch((e: unknown) => e);
      expect(seen).toEqual([FIRST]);
      expect(error).toBeInstanceOf(CheckpointDecodeError);
      expect((error as Error).message).toMatch(
        new RegExp(`^${baseUrl}/${FIRST + 1}\\.${format}: ${truncation(format, 500)}`),
      );
    });

    it("fails on a status that retrying cannot fix", async () => {
      replies.set(`${FIRST}.${format}`, [403]);
      await expect(collect(forced().stream(BigInt(FIRST)))).rejects.toThrow(
        `${baseUrl}/${FIRST}.${format}: HTTP 403 Forbidden`,
      );
    });

    it("ends cleanly on abort, waiting at the tip, and stops asking", async () => {
      serve(format, range(0, 2));
      const controller = new AbortController();
      const seen: number[] = [];
      for await (const checkpoint of forced().stream(BigInt(FIRST), {
        signal: controller.signal,
      })) {
        seen.push(Number(checkpoint.sequenceNumber));
        if (seen.length === 2) setTimeout(() => controller.abort(), 50);
      }
      expect(seen).toEqual([FIRST, FIRST + 1]);
      await new Promise((wait) => setTimeout(wait, 30)); // requests sent before the abort
      const asked = requests.length;
      await new Promise((wait) => setTimeout(wait, 100));
      expect(requests.length).toBe(asked);
    });

    it("fails instead of polling for a checkpoint older than the store keeps", async () => {
      serve(format, range(3, 6));
      replies.set("epochs.json", [
        new TextEncoder().encode(`[${FIRST - 50},${FIRST + 1},${FIRST + 4}]`),
      ]);
      await expect(collect(forced().stream(BigInt(FIRST)))).rejects.toThrow(
        `${baseUrl}: has no ${FIRST}.${format}, though its epochs.json lists epoch ends past it (${FIRST + 1}, ${FIRST + 4}): the store does not keep checkpoint ${FIRST}`,
      );
    });
  });

  describe("without a format", () => {
    it("reads a .binpb.zst store asking for .binpb.zst files only", async () => {
      serve("binpb.zst", range(0, 6));
      const stream = source({ concurrency: 3 }).stream(BigInt(FIRST), { to: BigInt(FIRST + 5) });
      expect(await collect(stream)).toEqual(range(0, 6).map((i) => FIRST + i));
      expect(requests.filter((name) => !name.endsWith(".binpb.zst"))).toEqual([]);
    });

    it("reads a .chk store, asking for .binpb.zst files only until it answered", async () => {
      serve("chk", range(0, 6));
      delayOf = (name) => (seqOf(name) === FIRST ? 0 : 20); // the first answer comes first
      const stream = source({ concurrency: 2 }).stream(BigInt(FIRST), { to: BigInt(FIRST + 5) });
      expect(await collect(stream)).toEqual(range(0, 6).map((i) => FIRST + i));
      const probes = requests.filter((name) => name.endsWith(".binpb.zst"));
      expect(probes.length).toBeGreaterThanOrEqual(1);
      expect(probes.length).toBeLessThanOrEqual(2); // the prefetch window, once
      const chk = requests.filter((name) => name.endsWith(".chk")).map(seqOf);
      expect(chk.sort()).toEqual(range(0, 6).map((i) => FIRST + i)); // each once
    });

    it("follows a store whose .chk files stop where its .binpb.zst files go on", async () => {
      serve("chk", range(0, 3));
      serve("binpb.zst", range(3, 6));
      const stream = source({ concurrency: 2 }).stream(BigInt(FIRST), { to: BigInt(FIRST + 5) });
      expect(await collect(stream)).toEqual(range(0, 6).map((i) => FIRST + i));
    });

    it("polls both formats at the tip until one appears, within the epoch the store lists", async () => {
      serve("binpb.zst", range(0, 2));
      replies.set("epochs.json", [new TextEncoder().encode(`[${FIRST - 50},${FIRST + 1}]`)]);
      const seen: number[] = [];
      for await (const checkpoint of source({ concurrency: 2 }).stream(BigInt(FIRST), {
        to: BigInt(FIRST + 2),
      })) {
        seen.push(Number(checkpoint.sequenceNumber));
        if (seen.length === 2) {
          const polls = (ext: string) => requests.filter((n) => n === `${FIRST + 2}.${ext}`).length;
          while (polls("binpb.zst") <= 2 || polls("chk") <= 2)
            await new Promise((wait) => setTimeout(wait, 10));
          serve("chk", [2]);
        }
      }
      expect(seen).toEqual([FIRST, FIRST + 1, FIRST + 2]);
      expect(requests.filter((name) => name === "epochs.json")).toHaveLength(1);
    });

    it("fails, naming both files, for a checkpoint older than the store keeps", async () => {
      replies.set("epochs.json", [new TextEncoder().encode(`[${FIRST + 1},${FIRST + 4}]`)]);
      await expect(collect(source().stream(BigInt(FIRST)))).rejects.toThrow(
        `${baseUrl}: has no ${FIRST}.binpb.zst nor ${FIRST}.chk, though its epochs.json`,
      );
    });
  });

  describe("endOfEpochCheckpoints", () => {
    it("reads epochs.json, retrying a transient failure", async () => {
      replies.set("epochs.json", [503, new TextEncoder().encode("[9769, 22537]")]);
      const retries: SourceRetry[] = [];
      expect(await source({ onRetry: (r) => retries.push(r) }).endOfEpochCheckpoints()).toEqual([
        9769n,
        22537n,
      ]);
      expect(retries.map((r) => r.url)).toEqual([`${baseUrl}/epochs.json`]);
    });

    it("is undefined when the store has none", async () => {
      expect(await source().endOfEpochCheckpoints()).toBeUndefined();
    });

    it("refuses a file that is not JSON, naming the URL", async () => {
      replies.set("epochs.json", [new TextEncoder().encode("<html>")]);
      const error = await source()
        .endOfEpochCheckpoints()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CheckpointDecodeError);
      expect((error as Error).message).toMatch(new RegExp(`^${baseUrl}/epochs\\.json: not JSON: `));
    });
  });
});

/**
 * `.binpb.zst` files written from every real `.chk` fixture as Sui's checkpoint-blob writer
 * writes them (`encodeCheckpointBlob`) decode to the same `Checkpoint` as the `.chk` file; a
 * corrupt one is refused naming the file.
 */
import { zstdCompressSync, zstdDecompressSync } from "node:zlib";
import { GrpcTypes } from "@mysten/sui/grpc";
import { fixtures, readFixture } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { decodeCheckpointBlob } from "../src/binpb/decode.ts";
import { encodeCheckpointBlob } from "../src/binpb/encode.ts";
import { decodeCheckpointData, decodeCheckpointFile } from "../src/chk/decode.ts";
import { CheckpointDecodeError } from "../src/chk/error.ts";
import { SuiObject } from "../src/chk/layouts/checkpoint.ts";
import { fromProto } from "../src/grpc/convert.ts";

const blobOf = (network: string, seq: number) =>
  encodeCheckpointBlob(decodeCheckpointData(readFixture(network, seq)));

/** The message inside a `.binpb.zst` file. */
const messageOf = (blob: Uint8Array) =>
  GrpcTypes.Checkpoint.fromBinary(new Uint8Array(zstdDecompressSync(blob)));

/** A `.binpb.zst` file holding `message`. */
const blobWith = (message: GrpcTypes.Checkpoint) =>
  zstdCompressSync(GrpcTypes.Checkpoint.toBinary(message));

const SOURCE = "/store/248050771.binpb.zst";

/** What decoding `blob` throws. */
function failure(blob: Uint8Array, verifyDigests = false): CheckpointDecodeError {
  try {
    decodeCheckpointBlob(blob, SOURCE, { verifyDigests });
  } catch (error) {
    expect(error).toBeInstanceOf(CheckpointDecodeError);
    return error as CheckpointDecodeError;
  }
  throw new Error("decoded");
}

describe("a .binpb.zst file and the .chk file of the same checkpoint", () => {
  it.each(fixtures.map((f) => [f.network, f.sequence_number, f.transactions, f.events] as const))(
    "%s %i decode to the same checkpoint (%i transactions, %i events)",
    (network, seq, txs, events) => {
      const chk = decodeCheckpointFile(readFixture(network, seq), undefined, {
        verifyDigests: true,
      });
      const blob = decodeCheckpointBlob(blobOf(network, seq), undefined, { verifyDigests: true });
      expect(blob).toEqual(chk);
      expect(blob.sequenceNumber).toBe(BigInt(seq));
      expect(blob.transactions).toHaveLength(txs);
      expect(blob.transactions.reduce((n, tx) => n + tx.events.length, 0)).toBe(events);
      expect(blob.proofParts?.certifiedSummary).toEqual(chk.proofParts?.certifiedSummary);
      expect(blob.transactions.map((tx) => tx.proofParts)).toEqual(
        chk.transactions.map((tx) => tx.proofParts),
      );
    },
  );
});

describe("eventPackages: only the transactions with an event of those packages", () => {
  it.each(fixtures.map((f) => [f.network, f.sequence_number] as const))(
    "%s %i: both formats keep the same transactions, and every event of each",
    (network, seq) => {
      const all = decodeCheckpointFile(readFixture(network, seq));
      // The package of the checkpoint's last event (if any), and one no event comes from.
      const last = all.transactions.flatMap((tx) => tx.events).at(-1)?.packageId;
      const eventPackages = [`0x${"ab".repeat(32)}`, ...(last ? [last] : [])];
      const kept = all.transactions.filter((tx) =>
        tx.events.some((event) => eventPackages.includes(event.packageId)),
      );
      for (const verifyDigests of [false, true]) {
        const options = { verifyDigests, eventPackages };
        const chk = decodeCheckpointFile(readFixture(network, seq), undefined, options);
        const blob = decodeCheckpointBlob(blobOf(network, seq), undefined, options);
        expect(chk).toEqual({ ...all, transactions: kept });
        expect(blob).toEqual(chk);
      }
      if (last) expect(kept.length).toBeGreaterThan(0);
    },
  );
});

describe("encodeCheckpointBlob", () => {
  const seq = 248050771; // testnet: the certified Walrus blob
  const data = decodeCheckpointData(readFixture("testnet", seq));
  const message = messageOf(encodeCheckpointBlob(data));

  it("writes only what Sui's checkpoint-blob writer writes: BCS parts, no fields of their own", () => {
    expect(message.sequenceNumber).toBe(BigInt(seq));
    expect(message.digest).toBeUndefined();
    expect(message.summary?.epoch).toBeUndefined();
    expect(message.summary?.bcs?.value).toEqual(data.checkpointSummary.data.bcs);
    expect(message.signature?.epoch).toBe(BigInt(data.checkpointSummary.authSignature.epoch));
    expect(message.contents?.bcs?.value).toEqual(data.checkpointContents.bcs);
    message.transactions.forEach((tx, i) => {
      const source = data.transactions[i]!;
      expect(tx.digest).toBeUndefined();
      expect(tx.transaction?.sender).toBeUndefined();
      expect(tx.transaction?.bcs?.value).toEqual(
        source.transaction.data[0]!.intentMessage.value.bcs,
      );
      expect(tx.effects?.bcs?.value).toEqual(source.effects.bcs);
      expect(tx.events?.events ?? []).toEqual([]);
      expect(tx.events?.bcs?.value).toEqual(source.events?.bcs);
    });
  });

  it("is not what fromProto reads: a full node's fields are not there", () => {
    expect(() => fromProto(message)).toThrow(`checkpoint ${seq}: no summary.timestamp`);
  });

  it("writes each input and output object version once", () => {
    const versions = new Set(
      data.transactions.flatMap((tx) =>
        [...tx.inputObjects, ...tx.outputObjects].map((o) => SuiObject.serialize(o).toBase64()),
      ),
    );
    const written = message.objects?.objects.map((o) =>
      Buffer.from(o.bcs!.value!).toString("base64"),
    );
    expect(written).toHaveLength(versions.size);
    expect(new Set(written)).toEqual(versions);
  });
});

describe("decodeCheckpointBlob refuses, naming the file", () => {
  const seq = 248050771;
  const blob = blobOf("testnet", seq);
  const message = messageOf(blob);

  it("bytes that are not zstd (a .chk file)", () => {
    expect(failure(readFixture("testnet", seq)).message).toMatch(
      new RegExp(`^${SOURCE}: not zstd-compressed data: `),
    );
  });

  it("a zstd frame cut short", () => {
    expect(failure(blob.subarray(0, blob.length - 10)).message).toMatch(
      new RegExp(`^${SOURCE}: not zstd-compressed data: `),
    );
  });

  it("a protobuf message cut short", () => {
    const bytes = GrpcTypes.Checkpoint.toBinary(message);
    const error = failure(zstdCompressSync(bytes.subarray(0, bytes.length - 100)));
    expect(error.message).toMatch(
      new RegExp(`^${SOURCE}: not a protobuf sui\\.rpc\\.v2\\.Checkpoint: `),
    );
    expect(error.offset).toBeUndefined();
  });

  it("a message without a transaction's BCS (as a full node's read mask without it)", () => {
    const lacking = GrpcTypes.Checkpoint.clone(message);
    lacking.transactions[1]!.transaction = {
      digest: "6ukNiSVVC6TtvHFhCkDzA3ascUZVPBuWXQ8855XaJEcH",
    };
    expect(failure(blobWith(lacking)).message).toBe(
      `${SOURCE}: no transactions[1].transaction.bcs`,
    );
  });

  it("a message without its summary", () => {
    const lacking = GrpcTypes.Checkpoint.clone(message);
    lacking.summary = undefined;
    expect(failure(blobWith(lacking)).message).toBe(`${SOURCE}: no summary.bcs`);
  });

  it("a BCS part that does not decode to its last byte", () => {
    const cut = GrpcTypes.Checkpoint.clone(message);
    const at = cut.transactions.findIndex((tx) => tx.events?.bcs?.value);
    const events = cut.transactions[at]!.events!.bcs!;
    events.value = events.value!.subarray(0, events.value!.length - 1);
    expect(failure(blobWith(cut)).message).toMatch(
      new RegExp(
        `^${SOURCE}: transactions\\[${at}\\]\\.events\\.bcs(: \\d+ bytes, its | does not decode as )TransactionEvents`,
      ),
    );
    // The effects are decoded (and so refused) only to verify them.
    const cutEffects = GrpcTypes.Checkpoint.clone(message);
    const effects = cutEffects.transactions[0]!.effects!.bcs!;
    effects.value = effects.value!.subarray(0, effects.value!.length - 1);
    expect(decodeCheckpointBlob(blobWith(cutEffects), SOURCE).transactions).toHaveLength(
      message.transactions.length,
    );
    expect(failure(blobWith(cutEffects), true).message).toMatch(
      new RegExp(
        `^${SOURCE}: transactions\\[0\\]\\.effects\\.bcs(: \\d+ bytes, its | does not decode as )TransactionEffects`,
      ),
    );
    const longer = GrpcTypes.Checkpoint.clone(message);
    const contents = longer.contents!.bcs!;
    contents.value = Uint8Array.from([...contents.value!, 0]);
    const length = contents.value.length;
    expect(failure(blobWith(longer)).message).toBe(
      `${SOURCE}: contents.bcs: ${length} bytes, its CheckpointContents ends at byte ${length - 1}`,
    );
  });

  it("a sequence_number other than its summary's", () => {
    const renumbered = GrpcTypes.Checkpoint.clone(message);
    renumbered.sequenceNumber = BigInt(seq + 1);
    expect(failure(blobWith(renumbered)).message).toBe(
      `${SOURCE}: sequence_number ${seq + 1}, its summary's is ${seq}`,
    );
  });

  it("a signature that is not 48 bytes", () => {
    const short = GrpcTypes.Checkpoint.clone(message);
    short.signature!.signature = short.signature!.signature!.subarray(1);
    expect(failure(blobWith(short)).message).toBe(
      `${SOURCE}: signature.signature: 47 bytes, expected 48`,
    );
  });

  it("events that are not those the effects name, when verifying digests (only then)", () => {
    const chk = readFixture("testnet", seq).slice();
    const events = decodeCheckpointData(chk).transactions.find((tx) => tx.events)!.events!;
    chk[events.value.data[0]!.contents.byteOffset]! ^= 1; // still decodes
    const corrupt = encodeCheckpointBlob(decodeCheckpointData(chk));
    expect(() => decodeCheckpointBlob(corrupt, SOURCE)).not.toThrow();
    expect(failure(corrupt, true).message).toMatch(
      new RegExp(
        `^${SOURCE}: transactions\\[\\d+\\]: the events do not match the effects' events digest$`,
      ),
    );
  });
});

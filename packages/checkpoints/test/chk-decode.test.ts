import { createHash } from "node:crypto";
import { BcsReader, fromBase58, toHex } from "@mysten/bcs";
import { bcs } from "@mysten/sui/bcs";
import { TransactionDataBuilder } from "@mysten/sui/transactions";
import { walrusEvents } from "@verity/sdk";
import { fixtures, readFixture } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { readerOffset } from "../src/bcs-offset.ts";
import { decodeCheckpointData, decodeCheckpointFile } from "../src/chk/decode.ts";
import { encodeCheckpointFile } from "../src/chk/encode.ts";
import { CheckpointDecodeError } from "../src/chk/error.ts";
import { CheckpointData } from "../src/chk/layouts/checkpoint.ts";
import { checkpointFromData, structTagString } from "../src/chk/normalize.ts";

const WALRUS = walrusEvents.WALRUS_PACKAGE_IDS.testnet;

/** The first fields of Walrus's `blob::Blob` object (enough to read its blob id). */
const BlobObjectPrefix = bcs.struct("Blob", {
  id: bcs.Address,
  registered_epoch: bcs.u32(),
  blob_id: bcs.u256(),
});

/** The error `fn` throws, checked to be a CheckpointDecodeError. */
function decodeError(fn: () => unknown): CheckpointDecodeError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CheckpointDecodeError);
    return error as CheckpointDecodeError;
  }
  throw new Error("expected a CheckpointDecodeError");
}

describe("the 67 real checkpoints", () => {
  it("are all there", () => {
    expect(fixtures).toHaveLength(67);
  });

  it.each(fixtures.map((f) => [`${f.network} ${f.sequence_number}`, f] as const))(
    "%s decodes to its last byte and matches the manifest",
    (_, fixture) => {
      const bytes = readFixture(fixture.network, fixture.sequence_number);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(fixture.sha256);
      expect(bytes[0]).toBe(0x01);

      const reader = new BcsReader(bytes.subarray(1));
      const data = CheckpointData.read(reader);
      expect(readerOffset(reader)).toBe(bytes.length - 1);
      // The layouts are faithful both ways: re-encoding gives the file back.
      const reencoded = CheckpointData.serialize(data, { maxSize: bytes.length }).toBytes();
      expect(Buffer.from(reencoded).equals(bytes.subarray(1))).toBe(true);
      expect(Buffer.from(encodeCheckpointFile(data)).equals(bytes)).toBe(true);

      const checkpoint = decodeCheckpointFile(bytes);
      const events = checkpoint.transactions.flatMap((tx) => tx.events);
      expect({
        sequence_number: checkpoint.sequenceNumber,
        epoch: checkpoint.epoch,
        timestamp_ms: checkpoint.timestampMs,
        transactions: checkpoint.transactions.length,
        events: events.length,
        walrus_events: events.filter((event) => event.packageId === WALRUS).length,
      }).toEqual({
        sequence_number: BigInt(fixture.sequence_number),
        epoch: BigInt(fixture.epoch),
        timestamp_ms: BigInt(fixture.timestamp_ms),
        transactions: fixture.transactions,
        events: fixture.events,
        walrus_events: fixture.walrus_events,
      });

      data.transactions.forEach((tx, i) => {
        const normalized = checkpoint.transactions[i]!;
        const signed = tx.transaction.data[0]!.intentMessage.value;
        const effects = tx.effects.value.$kind === "V1" ? tx.effects.value.V1 : tx.effects.value.V2;
        expect(normalized.digest).toBe(TransactionDataBuilder.getDigestFromBytes(signed.bcs));
        expect(normalized.digest).toBe(effects.transactionDigest);
        normalized.events.forEach((event, j) => {
          const raw = tx.events!.value.data[j]!;
          expect(event.sender).toBe(signed.value.V1.sender);
          expect(event.packageId).toMatch(/^0x[0-9a-f]{64}$/);
          expect(event.type).toBe(structTagString(raw.type));
          expect(
            event.type.startsWith(`${event.packageId}::${event.module}::${event.struct}`),
          ).toBe(true);
          expect(Buffer.from(event.contents).equals(raw.contents)).toBe(true);
        });
      });
    },
  );

  it.each(fixtures.map((f) => [`${f.network} ${f.sequence_number}`, f] as const))(
    "%s gives the same Checkpoint on the fast path (raw layouts) and the full one",
    (_, fixture) => {
      const bytes = readFixture(fixture.network, fixture.sequence_number);
      const full = checkpointFromData(decodeCheckpointData(bytes)); // verifies the digests
      expect(decodeCheckpointFile(bytes)).toEqual(full);
      expect(decodeCheckpointFile(bytes, undefined, { verifyDigests: true })).toEqual(full);
    },
  );

  it("gives the genesis checkpoint the digest behind mainnet's chain identifier (35834a8a)", () => {
    const genesis = decodeCheckpointFile(readFixture("mainnet", 0));
    expect(genesis.sequenceNumber).toBe(0n);
    expect(toHex(fromBase58(genesis.digest)).slice(0, 8)).toBe("35834a8a");
  });

  it("prints event types as Sui does: full addresses, type arguments without spaces", () => {
    const { transactions } = decodeCheckpointFile(readFixture("mainnet", 100005828));
    const swap = transactions
      .flatMap((tx) => tx.events)
      .find((event) => event.struct === "SwapTokenX");
    const core = "0x5c45d10c26c5fb53bfaff819666da6bc7053d2190dfa29fec311cc666ff1f4b0";
    expect(swap).toMatchObject({
      packageId: core,
      module: "core",
      struct: "SwapTokenX",
      type:
        `${core}::core::SwapTokenX<${core}::curve::Volatile,` +
        "0x0000000000000000000000000000000000000000000000000000000000000002::sui::SUI," +
        "0x5d4b302506645c37ff133b98c4b50a5ae14841659738d6d733d59d0d217a93bf::coin::COIN>",
    });
  });
});

describe("Walrus events of the testnet checkpoints", () => {
  const found = fixtures
    .filter((fixture) => fixture.network === "testnet")
    .flatMap((fixture) => {
      const data = decodeCheckpointData(readFixture("testnet", fixture.sequence_number));
      return checkpointFromData(data).transactions.flatMap((tx, i) =>
        tx.events
          .filter((event) => event.packageId === WALRUS)
          .map((event) => ({
            checkpoint: fixture.sequence_number,
            event,
            outputObjects: data.transactions[i]!.outputObjects,
          })),
      );
    });

  it("are the 8 the fixtures README lists", () => {
    expect(found.map(({ checkpoint, event }) => [checkpoint, event.module, event.struct])).toEqual([
      [248050771, "events", "BlobCertified"],
      [248054311, "events", "BlobRegistered"],
      [258579946, "events", "BlobRegistered"],
      [273995602, "events", "BlobRegistered"],
      [273995602, "events", "BlobRegistered"],
      [273995602, "events", "BlobRegistered"],
      [273995602, "events", "BlobRegistered"],
      [275761458, "events", "BlobRegistered"],
    ]);
  });

  it("name a blob::Blob output object holding the same blob id", () => {
    for (const { event, outputObjects } of found) {
      const layout = walrusEvents.events[event.struct as "BlobRegistered" | "BlobCertified"];
      const decoded = layout.parse(event.contents);
      const blob = outputObjects.find(
        (object) =>
          object.data.$kind === "Move" &&
          object.data.Move.type.$kind === "Other" &&
          structTagString(object.data.Move.type.Other) === `${WALRUS}::blob::Blob` &&
          BlobObjectPrefix.parse(object.data.Move.contents).id === decoded.object_id,
      );
      expect(blob, `${event.struct} of ${decoded.object_id}`).toBeDefined();
      const contents = blob!.data.Move!.contents;
      expect(BlobObjectPrefix.parse(contents).blob_id).toBe(decoded.blob_id);
    }
  });

  it("include a blob id certified, then registered again under another object id", () => {
    const certified = walrusEvents.events.BlobCertified.parse(found[0]!.event.contents);
    const registered = walrusEvents.events.BlobRegistered.parse(found[1]!.event.contents);
    expect(registered.blob_id).toBe(certified.blob_id);
    expect(registered.object_id).not.toBe(certified.object_id);
  });
});

describe("corrupt checkpoint files", () => {
  const bytes = readFixture("testnet", 248050771);

  it("rejects an unknown blob-encoding tag", () => {
    const error = decodeError(() => decodeCheckpointFile(Uint8Array.of(0x02, ...bytes.slice(1))));
    expect(error.offset).toBe(0);
    expect(error.message).toBe(
      "checkpoint file: unknown blob-encoding tag 0x02 at byte 0 (expected 0x01, BCS)",
    );
  });

  it("rejects an empty file", () => {
    expect(decodeError(() => decodeCheckpointFile(new Uint8Array())).reason).toBe("empty file");
  });

  it("rejects a truncated file, even when its bytes sit in a larger buffer", () => {
    for (const truncated of [bytes.slice(0, -10), bytes.subarray(0, -10)]) {
      const error = decodeError(() => decodeCheckpointFile(truncated, "t.chk"));
      expect(error.message).toMatch(
        new RegExp(
          `^t\\.chk: unexpected end of data at byte \\d+ of ${bytes.length - 10}, ` +
            "reading transactions\\[\\d+\\]",
        ),
      );
      expect(error.offset).toBeLessThanOrEqual(bytes.length - 10);
      expect(error.source).toBe("t.chk");
    }
  });

  it("rejects trailing bytes", () => {
    const error = decodeError(() => decodeCheckpointFile(Uint8Array.of(...bytes, 0)));
    expect(error.offset).toBe(bytes.length);
    expect(error.reason).toBe(
      `1 trailing bytes after the checkpoint data, from byte ${bytes.length}`,
    );
  });

  it("names the field and offset of a value that fits no variant", () => {
    const corrupt = bytes.slice();
    const effects = decodeCheckpointData(corrupt).transactions[1]!.effects.bcs;
    corrupt[effects.byteOffset] = 9; // TransactionEffects has variants 0 (V1) and 1 (V2)
    const error = decodeError(() => decodeCheckpointData(corrupt));
    expect(error.offset).toBe(effects.byteOffset + 1);
    expect(error.reason).toBe(
      `invalid data at byte ${effects.byteOffset + 1}, reading transactions[1].effects: ` +
        "Unknown value 9 for enum TransactionEffects",
    );
  });
});

describe("digest verification", () => {
  const bytes = readFixture("testnet", 248050771);
  const data = decodeCheckpointData(bytes);
  const tx = data.transactions[2]!; // the BlobCertified transaction: V2 effects, no expiration
  const cases: [string, Uint8Array, number, string | RegExp][] = [
    [
      "an event's contents",
      tx.events!.value.data[0]!.contents,
      -1,
      "transactions[2]: the events do not match the effects' events digest",
    ],
    [
      "the transaction data (its gas budget)",
      tx.transaction.data[0]!.intentMessage.value.bcs,
      -2,
      /^transactions\[2\]: transaction digest \w+, the contents list \w+$/,
    ],
    [
      "the effects (their computation cost)",
      tx.effects.bcs,
      10,
      "transactions[2]: the effects do not match the contents' effects digest",
    ],
    [
      "the contents (a transaction digest they list)",
      data.checkpointContents.bcs,
      3,
      "the checkpoint contents do not match the summary's content digest",
    ],
  ];

  it.each(cases)("catches one flipped byte in %s", (_, view, at, reason) => {
    const corrupt = bytes.slice();
    corrupt[view.byteOffset + (at < 0 ? view.length + at : at)]! ^= 1;
    expect(() => decodeCheckpointFile(corrupt)).not.toThrow(); // still decodes
    const verified = decodeError(() =>
      decodeCheckpointFile(corrupt, "c.chk", { verifyDigests: true }),
    );
    expect(verified.reason).toMatch(reason);
    expect(verified.source).toBe("c.chk");
    expect(decodeError(() => checkpointFromData(decodeCheckpointData(corrupt))).reason).toMatch(
      reason,
    );
  });
});

import { normalizeSuiAddress } from "@mysten/sui/utils";
import { blobIdFromInt } from "@mysten/walrus";
import { walrusEvents } from "@verity/sdk";
import { checkpoint, event } from "@verity/test-scenarios";
import { describe, expect, it } from "vitest";
import { walrusProcessor } from "../src/pipelines/walrus/processor.ts";

const WALRUS = walrusEvents.WALRUS_PACKAGE_IDS.testnet;
const { events } = walrusEvents;
const processor = walrusProcessor({ network: "testnet", packageId: WALRUS });
const OBJECT = normalizeSuiAddress("0xb10b");
const BLOB = (1n << 200n) + 12345n;

const registered = events.BlobRegistered.serialize({
  epoch: 875,
  blob_id: BLOB,
  size: 1234,
  encoding_type: 1,
  end_epoch: 880,
  deletable: true,
  object_id: OBJECT,
}).toBytes();
const certified = events.BlobCertified.serialize({
  epoch: 876,
  blob_id: BLOB,
  end_epoch: 880,
  deletable: true,
  object_id: OBJECT,
  is_extension: false,
}).toBytes();

describe("walrus processor", () => {
  it("keeps each blob event with the blob id as Walrus writes it, epochs, size and event id", () => {
    const cp = checkpoint(9, [
      [
        event(WALRUS, "events", "BlobRegistered", registered),
        event(WALRUS, "events", "BlobCertified", certified),
      ],
    ]);
    const { rows, quarantined } = processor.process(cp);
    expect(quarantined).toEqual([]);
    expect(rows.walrusBlobEvents).toEqual([
      expect.objectContaining({
        kind: "registered",
        blobId: blobIdFromInt(BLOB),
        objectId: OBJECT,
        epoch: 875,
        endEpoch: 880,
        size: 1234n,
        deletable: true,
        eventIndex: 0,
      }),
      expect.objectContaining({
        kind: "certified",
        blobId: blobIdFromInt(BLOB),
        epoch: 876,
        isExtension: false,
        eventIndex: 1,
        checkpoint: 9,
        timestampMs: Number(cp.timestampMs),
      }),
    ]);
  });

  it("decodes and skips Walrus's other system events", () => {
    const epoch = events.EpochChangeStart.serialize({ epoch: 3 }).toBytes();
    expect(
      processor.process(checkpoint(1, [[event(WALRUS, "events", "EpochChangeStart", epoch)]])),
    ).toEqual({ rows: {}, quarantined: [] });
  });

  it("quarantines undecodable and unknown events of walrus::events", () => {
    const { rows, quarantined } = processor.process(
      checkpoint(2, [
        [
          event(WALRUS, "events", "BlobCertified", certified.slice(0, 10)),
          event(WALRUS, "events", "BlobTeleported", new Uint8Array()),
        ],
      ]),
    );
    expect(rows).toEqual({});
    expect(quarantined.map((q) => [q.eventIndex, q.reason])).toEqual([
      [0, expect.stringMatching(/does not decode as BlobCertified/)],
      [1, expect.stringMatching(/unknown Walrus event type events::BlobTeleported/)],
    ]);
  });

  it("ignores other modules of the Walrus package and other packages", () => {
    const cp = checkpoint(3, [
      [
        event(WALRUS, "system", "BlobRegistered", registered),
        event("0x2", "events", "BlobRegistered", registered),
      ],
    ]);
    expect(processor.process(cp)).toEqual({ rows: {}, quarantined: [] });
  });
});

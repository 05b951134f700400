import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeCheckpointData } from "@verity/indexer";
import { describe, expect, it } from "vitest";
import { runCli, TESTNET_CHECKPOINTS } from "./support/cli.ts";

/** Testnet checkpoint with a Walrus `BlobCertified` event (transaction 2) and its Blob object. */
const CERTIFIED = join(TESTNET_CHECKPOINTS, "248050771.chk");
const inspect = (args: string[]) => runCli(["inspect", ...args]);

/** Little-endian unsigned integer of `bytes`, as a decimal string. */
function littleEndian(bytes: Uint8Array): string {
  return bytes.reduceRight((sum, byte) => (sum << 8n) | BigInt(byte), 0n).toString();
}

describe("verity inspect", () => {
  it("prints the checkpoint as JSON with the Walrus event decoded", async () => {
    const run = await inspect([CERTIFIED]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.checkpoint).toMatchObject({
      sequenceNumber: "248050771",
      epoch: "875",
      timestampMs: "1759426024118",
      transactions: 5,
      events: 2,
    });
    const tx = printed.transactions[2];
    const [event] = tx.events;
    expect(event).toMatchObject({
      transactionDigest: tx.digest,
      eventIndex: 0,
      type: "0xd84704c17fc870b8764832c535aa6b11f21a95cd6f5bb38a9b07d2cf42220c66::events::BlobCertified",
      sender: tx.sender,
    });
    expect(event.contents).toBeUndefined();

    // Read independently of the sdk layouts: the event's leading u32 epoch and u256 blob id,
    // and the blob id in the walrus::blob::Blob object it names (after its 32-byte id and u32).
    const raw = decodeCheckpointData(new Uint8Array(readFileSync(CERTIFIED))).transactions[2]!;
    const contents = raw.events!.value.data[0]!.contents;
    expect(event.decoded.epoch).toBe(Number(littleEndian(contents.subarray(0, 4))));
    expect(event.decoded.blob_id).toBe(littleEndian(contents.subarray(4, 36)));
    const blob = raw.outputObjects.find(
      (object) =>
        object.data.$kind === "Move" &&
        `0x${Buffer.from(object.data.Move.contents.subarray(0, 32)).toString("hex")}` ===
          event.decoded.object_id,
    );
    expect(littleEndian(blob!.data.Move!.contents.subarray(36, 68))).toBe(event.decoded.blob_id);
  });

  it("prints only the events with --events-only, undecoded ones as hex", async () => {
    const run = await inspect([CERTIFIED, "--events-only"]);
    expect(run.code).toBe(0);
    const events = JSON.parse(run.stdout);
    expect(events.map((e: { type: string }) => e.type.split("::").slice(1).join("::"))).toEqual([
      "events::BlobCertified",
      "margin_registry::MaintainerCapUpdated",
    ]);
    expect(events[1].contents).toMatch(/^0x([0-9a-f]{2})+$/);
    expect(events[1].decoded).toBeUndefined();
  });

  it("reports a corrupt file in one error line, with exit code 1", async () => {
    const corrupt = join(mkdtempSync(join(tmpdir(), "verity-inspect-")), "248050771.chk");
    writeFileSync(corrupt, readFileSync(CERTIFIED).subarray(0, 1000));
    const run = await inspect([corrupt]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      new RegExp(
        `^error: ${corrupt}: unexpected end of data at byte \\d+ of 1000, reading [\\w.\\[\\]]+\\n$`,
      ),
    );
  });
});

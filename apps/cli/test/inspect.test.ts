import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ed25519Keypair } from "@mysten/sui/keypairs/ed25519";
import { normalizeSuiAddress, toHex } from "@mysten/sui/utils";
import { decodeCheckpointData } from "@verity/checkpoints";
import { encodeCheckpoints, SimulatedChain } from "@verity/demo";
import { attester, transactions } from "@verity/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, TESTNET_CHECKPOINTS } from "./support/cli.ts";

/** Testnet checkpoint with a Walrus `BlobCertified` event (transaction 2) and its Blob object. */
const CERTIFIED = join(TESTNET_CHECKPOINTS, "248050771.chk");
const inspect = (args: string[]) => runCli(["inspect", ...args]);

const dir = mkdtempSync(join(tmpdir(), "verity-inspect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The `verity` package of the simulated chain, its `AttesterRegistry`, and an `EnclaveConfig`
 * (immutable) made with it.
 */
const PACKAGE = normalizeSuiAddress("0xa92");
const REGISTRY = normalizeSuiAddress("0xa9e");
const CONFIG = normalizeSuiAddress("0xec0");

/**
 * A checkpoint file of the demo's simulated chain (no real checkpoint holds a `verity` event)
 * in which an enclave is registered from a Nitro document (its bytes do not matter here): one
 * `attester::AttesterRegistered` event, whose `vector<u8>` fields carry `publicKey` and `pcrs`.
 */
async function enclaveRegistered(
  publicKey: Uint8Array,
  pcrs: [Uint8Array, Uint8Array, Uint8Array],
) {
  const registrant = new Ed25519Keypair();
  const chain = new SimulatedChain(PACKAGE, 1_700_000_000_000);
  chain.seed(REGISTRY, "shared");
  chain.seed(CONFIG);
  const name = "enclave";
  const document = new Uint8Array(randomBytes(64));
  await chain.execute(
    registrant,
    (tx) => transactions.enclave.register(tx, PACKAGE, CONFIG, REGISTRY, document, name),
    (ids) => ({
      created: ["shared"],
      events: [
        {
          module: "attester",
          struct: "AttesterRegistered",
          contents: attester.AttesterRegistered.serialize({
            attester_id: ids(0),
            name,
            public_key: publicKey,
            enclave_config: CONFIG,
            pcrs,
            registrant: registrant.toSuiAddress(),
            timestamp_ms: chain.nowMs,
          }).toBytes(),
        },
      ],
    }),
  );
  const [checkpoint] = encodeCheckpoints(chain.executed, 0);
  const file = join(dir, "0.chk");
  writeFileSync(file, checkpoint!.bytes);
  return file;
}

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

  it("prints the byte vectors of a verity event (keys, PCRs) as 0x-hex, with --package", async () => {
    const publicKey = new Ed25519Keypair().getPublicKey().toRawBytes();
    const pcrs = [0, 1, 2].map(() => new Uint8Array(randomBytes(48))) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    const file = await enclaveRegistered(publicKey, pcrs);
    const run = await inspect([file, "--events-only", "--package", PACKAGE]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [event] = JSON.parse(run.stdout);
    expect(event.type).toBe(`${PACKAGE}::attester::AttesterRegistered`);
    expect(event.decoded).toMatchObject({
      name: "enclave",
      public_key: `0x${toHex(publicKey)}`,
      enclave_config: CONFIG,
      pcrs: pcrs.map((pcr) => `0x${toHex(pcr)}`),
    });
  });

  it("reports a corrupt file in one error line, with exit code 1", async () => {
    const corrupt = join(dir, "248050771.chk");
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

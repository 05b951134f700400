import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeCheckpointData } from "@verity/checkpoints";
import { fixtureStore } from "@verity/test-scenarios";
import { fixtures, readFixture, SUI_CHECKPOINTS } from "@verity/testing";
import { describe, expect, it } from "vitest";
import { networkOf, sourceFor } from "../src/source-for.ts";

describe("networkOf", () => {
  it.each([
    [{ network: "testnet", checkpoints: join(SUI_CHECKPOINTS, "mainnet") }, "testnet", "--network"],
    [{ network: "http://10.0.0.5:9000/" }, "http://10.0.0.5:9000", "--network"],
    [{ checkpoints: join(SUI_CHECKPOINTS, "testnet") }, "testnet", "the checkpoint store's name"],
    [
      { checkpoints: `${join(SUI_CHECKPOINTS, "testnet")}/` },
      "testnet",
      "the checkpoint store's name",
    ],
    [
      { checkpoints: "https://checkpoints.testnet.sui.io" },
      "testnet",
      "the checkpoint store's name",
    ],
    [{ checkpoints: "https://store.example/testnet" }, "mainnet", "the default"],
    [{ checkpoints: mkdtempSync(join(tmpdir(), "chk-")) }, "mainnet", "the default"],
    [{}, "mainnet", "the default"],
  ])("%j is %s, from %s", (choice, name, from) => {
    expect(networkOf(choice)).toEqual({ name, from });
  });

  it("rejects an unknown network name", () => {
    expect(() => networkOf({ network: "tesnet" })).toThrow('unknown network "tesnet"');
  });
});

describe("sourceFor", () => {
  it.each([
    [{ grpc: "fullnode:443" }, "--grpc fullnode:443: not an http(s):// full-node URL"],
    [{ grpc: "http://" }, "--grpc http://: not an http(s):// full-node URL"],
    [{ checkpoints: "https://" }, "--checkpoints https://: not a URL"],
    [{ grpc: "http://a", checkpoints: "/tmp" }, "give either --grpc or --checkpoints, not both"],
    [{ checkpointFormat: "chk" as const }, "--checkpoint-format chk: give it with --checkpoints"],
  ])("refuses %j in one line", (choice, message) => {
    expect(() => sourceFor(choice)).toThrow(message);
  });

  it("describes what it reads", () => {
    expect(sourceFor({ network: "testnet" }).description).toBe(
      "full node https://fullnode.testnet.sui.io:443",
    );
    expect(sourceFor({ checkpoints: "https://checkpoints.testnet.sui.io/" }).description).toBe(
      "checkpoint store https://checkpoints.testnet.sui.io",
    );
  });

  it("reads the store's files of the format given, else whichever it holds", async () => {
    const { directory, checkpoints } = fixtureStore("testnet", "binpb.zst");
    const stream = async (checkpointFormat?: "binpb.zst" | "chk") => {
      const seen: bigint[] = [];
      for await (const c of sourceFor({ checkpoints: directory, checkpointFormat }).stream(0n))
        seen.push(c.sequenceNumber);
      return seen;
    };
    expect(await stream()).toEqual(checkpoints);
    expect(await stream("binpb.zst")).toEqual(checkpoints);
    expect(await stream("chk")).toEqual([]);
  });

  it("checks a checkpoint store's digests when asked to", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chk-"));
    const { sequence_number: seq } = fixtures.find((f) => f.network === "testnet")!;
    const corrupt = readFixture("testnet", seq).slice();
    const events = decodeCheckpointData(corrupt).transactions.find((tx) => tx.events)!.events!;
    corrupt[events.value.data[0]!.contents.byteOffset]! ^= 1; // still decodes
    writeFileSync(join(dir, `${seq}.chk`), corrupt);
    const stream = async (verifyDigests?: boolean) => {
      const seen: bigint[] = [];
      for await (const c of sourceFor({ checkpoints: dir, verifyDigests }).stream(0n))
        seen.push(c.sequenceNumber);
      return seen;
    };
    expect(await stream()).toEqual([BigInt(seq)]);
    await expect(stream(true)).rejects.toThrow(
      "the events do not match the effects' events digest",
    );
  });
});

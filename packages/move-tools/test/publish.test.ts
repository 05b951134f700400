import { join } from "node:path";
import { Ed25519Keypair } from "@mysten/sui/keypairs/ed25519";
import { Transaction } from "@mysten/sui/transactions";
import { normalizeSuiAddress, toBase58 } from "@mysten/sui/utils";
import { verifyTransactionSignature } from "@mysten/sui/verify";
import { skipWithoutFramework } from "@verity/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMovePackage, type CompiledPackage } from "../src/build.ts";
import { resolveFramework } from "../src/framework.ts";
import { buildPublishTransaction, type ObjectRef } from "../src/publish.ts";

const VERITY = join(import.meta.dirname, "..", "..", "..", "move", "verity");
const framework = resolveFramework();
const offline = skipWithoutFramework(framework.kind === "local", "publish.test.ts");

const gasCoin: ObjectRef = {
  objectId: normalizeSuiAddress("0xc0ffee"),
  version: "42",
  digest: toBase58(new Uint8Array(32).fill(7)),
};
const GAS_PRICE = 750n;
const GAS_BUDGET = 123_456_789n;

describe.skipIf(offline)(
  "buildPublishTransaction with the real compiled move/verity package",
  () => {
    let compiled: CompiledPackage;
    const keypair = Ed25519Keypair.generate();
    const sender = keypair.toSuiAddress();
    let bytes: Uint8Array;

    beforeAll(async () => {
      compiled = await buildMovePackage(VERITY, framework);
      bytes = await buildPublishTransaction({
        compiled,
        sender,
        gasPayment: [gasCoin],
        gasPrice: GAS_PRICE,
        gasBudget: GAS_BUDGET,
      });
    }, 60_000);

    it("holds one Publish command with the compiled modules and dependencies, then hands the UpgradeCap to the sender", () => {
      const data = Transaction.from(bytes).getData();
      const publishes = data.commands.filter((command) => command.$kind === "Publish");
      expect(publishes).toHaveLength(1);
      expect(data.commands.map((command) => command.$kind)).toEqual(["Publish", "TransferObjects"]);
      expect(compiled.modules.length).toBeGreaterThanOrEqual(5);
      expect(publishes[0]?.Publish?.modules).toEqual(compiled.modules);
      expect(publishes[0]?.Publish?.dependencies).toEqual(
        compiled.dependencies.map((id) => normalizeSuiAddress(id)),
      );

      const transfer = data.commands[1]?.TransferObjects;
      expect(transfer?.objects).toEqual([{ $kind: "Result", Result: 0 }]);
      const recipient = transfer?.address;
      expect(recipient?.$kind).toBe("Input");
      const input = recipient?.$kind === "Input" ? data.inputs[recipient.Input] : undefined;
      expect(input?.Pure?.bytes).toBe(Buffer.from(sender.slice(2), "hex").toString("base64"));
    });

    it("carries the sender and the given gas price, budget and payment", () => {
      const data = Transaction.from(bytes).getData();
      expect(data.sender).toBe(sender);
      expect(data.gasData.price).toBe(String(GAS_PRICE));
      expect(data.gasData.budget).toBe(String(GAS_BUDGET));
      expect(data.gasData.payment).toEqual([gasCoin]);
    });

    it("is signed by a real Ed25519 key whose signature verifies and recovers the sender", async () => {
      const { signature } = await keypair.signTransaction(bytes);
      const publicKey = await verifyTransactionSignature(bytes, signature, { address: sender });
      expect(publicKey.toSuiAddress()).toBe(sender);
      await expect(
        verifyTransactionSignature(bytes, signature, {
          address: Ed25519Keypair.generate().toSuiAddress(),
        }),
      ).rejects.toThrow();
      const tampered = Uint8Array.from(bytes);
      tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
      await expect(
        verifyTransactionSignature(tampered, signature, { address: sender }),
      ).rejects.toThrow();
    });

    it("is deterministic: the same inputs give the same bytes", async () => {
      const again = await buildPublishTransaction({
        compiled,
        sender,
        gasPayment: [gasCoin],
        gasPrice: GAS_PRICE,
        gasBudget: GAS_BUDGET,
      });
      expect(again).toEqual(bytes);
    });
  },
);

describe("buildPublishTransaction input checks", () => {
  it("refuses an empty gas payment", async () => {
    const compiled = { modules: [], dependencies: ["0x1", "0x2"] };
    await expect(
      buildPublishTransaction({
        compiled,
        sender: normalizeSuiAddress("0x1"),
        gasPayment: [],
        gasPrice: 1n,
        gasBudget: 1n,
      }),
    ).rejects.toThrow("at least one gas coin");
  });
});

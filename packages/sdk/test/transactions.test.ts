import { bcs } from "@mysten/sui/bcs";
import { Transaction } from "@mysten/sui/transactions";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { describe, expect, it } from "vitest";
import { AttestationKind, transactions } from "../src/index.ts";

const PKG = normalizeSuiAddress("0x42");
const ID = (n: number) => normalizeSuiAddress(`0x${n.toString(16)}`);

/** The Move calls of a PTB, with each pure argument's raw bytes and each object's id. */
function calls(tx: Transaction) {
  const data = tx.getData();
  const input = (arg: { $kind: string; Input?: number; Result?: number }) => {
    if (arg.$kind !== "Input") return arg.$kind;
    const i = data.inputs[arg.Input!]!;
    return i.Pure
      ? Uint8Array.from(atob(i.Pure.bytes), (c) => c.charCodeAt(0))
      : (i.UnresolvedObject?.objectId ?? i.Object?.SharedObject?.objectId);
  };
  return data.commands.map((c) => ({
    target: `${c.MoveCall!.module}::${c.MoveCall!.function}`,
    args: c.MoveCall!.arguments.map(input),
  }));
}

describe("PTB builders", () => {
  it("registers a dataset with every field BCS-encoded in Move's parameter order", () => {
    const tx = new Transaction();
    transactions.dataset.register(tx, PKG, {
      name: "raw",
      blobId: 5n,
      sha256: new Uint8Array(32).fill(1),
      size: 1024,
      mediaType: "text/csv",
      license: "MIT",
      policy: ID(7),
    });
    const [call] = calls(tx);
    expect(call!.target).toBe("dataset::register");
    const [name, blob, sha, size, media, license, policy, clock] = call!.args as Uint8Array[];
    expect(bcs.string().parse(name!)).toBe("raw");
    expect(bcs.u256().parse(blob!)).toBe("5");
    expect(bcs.vector(bcs.u8()).parse(sha!)).toEqual(Array(32).fill(1));
    expect(bcs.u64().parse(size!)).toBe("1024");
    expect(bcs.string().parse(media!)).toBe("text/csv");
    expect(bcs.string().parse(license!)).toBe("MIT");
    expect(bcs.option(bcs.Address).parse(policy!)).toBe(ID(7));
    expect(clock).toBe(normalizeSuiAddress("0x6"));
  });

  it("registers a derived dataset as begin_derived, one add_parent per parent, finish_derived", () => {
    const tx = new Transaction();
    const content = {
      name: "d",
      blobId: 1n,
      sha256: new Uint8Array(32),
      size: 1,
      mediaType: "a/b",
      license: "MIT",
    };
    transactions.dataset.registerDerived(tx, PKG, ID(9), [ID(1), ID(2)], content);
    expect(calls(tx).map((c) => c.target)).toEqual([
      "dataset::begin_derived",
      "dataset::add_parent",
      "dataset::add_parent",
      "dataset::finish_derived",
    ]);
    expect(calls(tx)[2]!.args).toEqual(["NestedResult", ID(2)]);
  });

  it("records a signed attestation, passes it to model::register by reference, then finalizes it", () => {
    const tx = new Transaction();
    const payload = {
      kind: AttestationKind.training,
      inputs: [ID(1)],
      input_blobs: [3n],
      outputs: [],
      output_blobs: [4n],
      payload_digest: new Uint8Array(32),
    };
    const attestation = transactions.attestation.record(
      tx,
      PKG,
      ID(8),
      payload,
      1_000n,
      new Uint8Array(64).fill(2),
    );
    const model = {
      name: "m",
      blobId: 4n,
      sha256: new Uint8Array(32),
      size: 10,
      architecture: "a",
      framework: "f",
    };
    transactions.model.register(tx, PKG, attestation, model);
    transactions.attestation.finalize(tx, PKG, attestation);
    const [record, register, finalize] = calls(tx);
    expect(record!.target).toBe("attestation::record");
    expect(record!.args).toHaveLength(10);
    expect(bcs.vector(bcs.Address).parse(record!.args[2] as Uint8Array)).toEqual([ID(1)]);
    expect(bcs.vector(bcs.u8()).parse(record!.args[8] as Uint8Array)).toHaveLength(64);
    expect(register!.args[0]).toBe("Result");
    expect(finalize!.target).toBe("attestation::finalize");
  });

  it("builds every attester, inference and Seal-policy call against the package", () => {
    const tx = new Transaction();
    const key = new Uint8Array(32);
    transactions.attester.register(tx, PKG, ID(1), "a", key);
    transactions.attester.registerEnclave(tx, PKG, ID(1), "e", key, [key, key, key]);
    transactions.attester.rotateKey(tx, PKG, ID(1), ID(2), key);
    transactions.attester.revoke(tx, PKG, ID(1), ID(2));
    transactions.inference.record(tx, PKG, ID(3), ID(2), {
      inputBlobId: 1n,
      outputBlobId: 2n,
      inputSha256: key,
      outputSha256: key,
      timestampMs: 5n,
      signature: new Uint8Array(64),
    });
    transactions.dataset.publishVersion(tx, PKG, ID(4), {
      blobId: 1n,
      sha256: key,
      size: 1,
      mediaType: "a/b",
    });
    transactions.dataset.retract(tx, PKG, ID(4), "consent withdrawn");
    transactions.dataset.setPolicy(tx, PKG, ID(4), null);
    expect(calls(tx).map((c) => c.target)).toEqual([
      "attester::register",
      "attester::register_enclave",
      "attester::rotate_key",
      "attester::revoke",
      "inference::record",
      "dataset::publish_version",
      "dataset::retract",
      "dataset::set_policy",
    ]);
    expect(tx.getData().commands.every((c) => c.MoveCall!.package === PKG)).toBe(true);
  });

  it("creates an allowlist with members in one PTB: new, add per member on its results, share", () => {
    const tx = new Transaction();
    const cap = transactions.allowlist.createWithMembers(tx, PKG, "readers", [ID(0xb), "0xC"]);
    expect(calls(tx).map((c) => c.target)).toEqual([
      "allowlist::new",
      "allowlist::add",
      "allowlist::add",
      "allowlist::share",
    ]);
    const args = tx.getData().commands.map((c) => c.MoveCall!.arguments);
    expect(bcs.string().parse(calls(tx)[0]!.args[0] as Uint8Array)).toBe("readers");
    const allowlist = { $kind: "NestedResult", NestedResult: [0, 0] };
    const capResult = { $kind: "NestedResult", NestedResult: [0, 1] };
    expect(cap).toMatchObject(capResult);
    for (const [i, member] of [
      [1, ID(0xb)],
      [2, ID(0xc)],
    ] as const) {
      expect(args[i]!.slice(0, 2)).toMatchObject([allowlist, capResult]);
      expect(bcs.Address.parse(calls(tx)[i]!.args[2] as Uint8Array)).toBe(member);
    }
    expect(args[3]).toMatchObject([allowlist]);
  });

  it("refuses a duplicate or malformed allowlist member and leaves the PTB untouched", () => {
    const tx = new Transaction();
    expect(() => transactions.allowlist.createWithMembers(tx, PKG, "r", [ID(1), "0x01"])).toThrow(
      "allowlist member 0x01 is listed twice",
    );
    expect(() => transactions.allowlist.createWithMembers(tx, PKG, "r", ["0xzz"])).toThrow(
      "allowlist member 0xzz is not a Sui address",
    );
    expect(tx.getData().commands).toEqual([]);
    expect(tx.getData().inputs).toEqual([]);
  });

  it("builds every allowlist call, each step on its own, against the package", () => {
    const tx = new Transaction();
    transactions.allowlist.create(tx, PKG, "one call");
    const [allowlist, cap] = transactions.allowlist.new(tx, PKG, "step by step");
    transactions.allowlist.add(tx, PKG, allowlist!, cap!, ID(0xb));
    transactions.allowlist.share(tx, PKG, allowlist!);
    transactions.allowlist.remove(tx, PKG, ID(1), ID(2), ID(0xb));
    transactions.allowlist.sealApprove(tx, PKG, new Uint8Array(33), ID(1));
    expect(calls(tx).map((c) => c.target)).toEqual([
      "allowlist::create",
      "allowlist::new",
      "allowlist::add",
      "allowlist::share",
      "allowlist::remove",
      "allowlist::seal_approve",
    ]);
    const [, , , , remove] = calls(tx);
    expect(remove!.args.slice(0, 2)).toEqual([ID(1), ID(2)]);
    expect(tx.getData().commands.every((c) => c.MoveCall!.package === PKG)).toBe(true);
  });
});

import type { BcsType } from "@mysten/bcs";
import { bcs } from "@mysten/sui/bcs";
import { Transaction } from "@mysten/sui/transactions";
import { normalizeSuiAddress } from "@mysten/sui/utils";
import { describe, expect, it } from "vitest";
import { type AiTermsJson, AttestationKind, transactions } from "../src/index.ts";

const PKG = normalizeSuiAddress("0x42");
const ID = (n: number) => normalizeSuiAddress(`0x${n.toString(16)}`);
const CLOCK = normalizeSuiAddress("0x6");
const bytes = (byte: number, length = 32) => new Uint8Array(length).fill(byte);

/** A Move call argument: pure bytes, an object id, or an earlier command's result. */
type Arg = Uint8Array | string | { result: number } | { nested: [number, number] };

/** The Move calls of a PTB: `module::function` (package checked apart) and decoded arguments. */
function calls(tx: Transaction) {
  const data = tx.getData();
  const argument = (arg: {
    $kind: string;
    Input?: number;
    Result?: number;
    NestedResult?: [number, number];
  }): Arg => {
    if (arg.$kind === "Result") return { result: arg.Result! };
    if (arg.$kind === "NestedResult") return { nested: arg.NestedResult! };
    const input = data.inputs[arg.Input!]!;
    if (input.Pure) return Uint8Array.from(atob(input.Pure.bytes), (c) => c.charCodeAt(0));
    return (input.UnresolvedObject?.objectId ?? input.Object?.SharedObject?.objectId)!;
  };
  return data.commands.map((c) => ({
    package: c.MoveCall!.package,
    target: `${c.MoveCall!.module}::${c.MoveCall!.function}`,
    args: c.MoveCall!.arguments.map(argument),
  }));
}

/** Decodes a pure argument with a BCS layout. */
const pure = <T>(layout: BcsType<T>, arg: Arg | undefined) => layout.parse(arg as Uint8Array);
const u256 = bcs.u256();
const u64 = bcs.u64();
const text = bcs.string();
const byteVector = bcs.byteVector();
const ids = bcs.vector(bcs.Address);

const targets = (tx: Transaction) => calls(tx).map((c) => c.target);
const allToPackage = (tx: Transaction) => calls(tx).every((c) => c.package === PKG);

const TERMS: AiTermsJson = {
  ai_training: { use: "constrained", constraints: ["attribution", "non-commercial"] },
  ai_generative_training: { use: "notAllowed", constraints: [] },
  ai_inference: { use: "allowed", constraints: [] },
  data_mining: { use: "allowed", constraints: [] },
};
/** The calls `terms.aiTerms(TERMS)` appends, in Move's field order. */
const TERMS_CALLS = [
  "terms::constrained",
  "terms::not_allowed",
  "terms::allowed",
  "terms::allowed",
  "terms::new",
];

const dataset = {
  name: "raw",
  blobId: 5n,
  sha256: bytes(1),
  size: 1024,
  mediaType: "text/csv",
  license: "MIT",
  terms: TERMS,
  policy: ID(7),
};

const trainingPayload = {
  kind: AttestationKind.training,
  inputs: [ID(1), ID(2)],
  input_blobs: [
    { blob_id: 3n, sha256: bytes(3) },
    { blob_id: "4", sha256: bytes(4) },
  ],
  outputs: [],
  output_blobs: [{ blob_id: 6n, sha256: bytes(6) }],
  payload_digest: bytes(9),
};

const model = {
  name: "m",
  blobId: 6n,
  sha256: bytes(6),
  size: 10,
  architecture: "logistic-regression",
  framework: "sklearn-1.5",
};

describe("terms builders", () => {
  it("build AiTerms from JSON: one permission call per entry in Move's order, then terms::new", () => {
    const tx = new Transaction();
    const result = transactions.terms.aiTerms(tx, PKG, TERMS);
    const made = calls(tx);
    expect(made.map((c) => c.target)).toEqual(TERMS_CALLS);
    expect(pure(bcs.vector(text), made[0]!.args[0])).toEqual(["attribution", "non-commercial"]);
    expect(made.slice(1, 4).map((c) => c.args)).toEqual([[], [], []]);
    expect(made[4]!.args).toEqual([0, 1, 2, 3].map((result) => ({ result })));
    expect(result).toMatchObject({ Result: 4 });
    expect(allToPackage(tx)).toBe(true);
  });

  it("take constraints as optional where none apply", () => {
    const tx = new Transaction();
    transactions.terms.aiTerms(tx, PKG, {
      ai_training: { use: "allowed" },
      ai_generative_training: { use: "constrained", constraints: ["no style imitation"] },
      ai_inference: { use: "notAllowed" },
      data_mining: { use: "allowed" },
    });
    expect(targets(tx)).toEqual([
      "terms::allowed",
      "terms::constrained",
      "terms::not_allowed",
      "terms::allowed",
      "terms::new",
    ]);
  });

  it("refuse malformed terms and leave the PTB untouched", () => {
    const tx = new Transaction();
    const bad = (ai_inference: unknown) =>
      transactions.terms.aiTerms(tx, PKG, { ...TERMS, ai_inference } as AiTermsJson);
    expect(() => bad({ use: "constrained" })).toThrow(
      "ai_inference: a constrained use needs at least one constraint",
    );
    expect(() => bad({ use: "constrained", constraints: ["ok", ""] })).toThrow(
      "ai_inference: a constraint cannot be empty",
    );
    expect(() => bad({ use: "allowed", constraints: ["x"] })).toThrow(
      "ai_inference: only a constrained use has constraints (it is allowed)",
    );
    expect(() => bad({ use: "sometimes" })).toThrow(
      "ai_inference: use must be one of allowed, notAllowed, constrained, not sometimes",
    );
    const { data_mining: _, ...partial } = TERMS;
    expect(() => transactions.terms.aiTerms(tx, PKG, partial as AiTermsJson)).toThrow(
      "data_mining: missing",
    );
    expect(() => transactions.terms.permission(tx, PKG, { use: "constrained" })).toThrow(
      "permission: a constrained use needs at least one constraint",
    );
    expect(tx.getData().commands).toEqual([]);
    expect(tx.getData().inputs).toEqual([]);
  });

  it("build each terms function on its own", () => {
    const tx = new Transaction();
    const a = transactions.terms.allowed(tx, PKG);
    const b = transactions.terms.notAllowed(tx, PKG);
    const c = transactions.terms.constrained(tx, PKG, ["research only"]);
    const d = transactions.terms.permission(tx, PKG, { use: "notAllowed", constraints: [] });
    transactions.terms.new(tx, PKG, [a, b, c, d]);
    transactions.terms.allowAll(tx, PKG);
    const made = calls(tx);
    expect(made.map((x) => x.target)).toEqual([
      "terms::allowed",
      "terms::not_allowed",
      "terms::constrained",
      "terms::not_allowed",
      "terms::new",
      "terms::allow_all",
    ]);
    expect(pure(bcs.vector(text), made[2]!.args[0])).toEqual(["research only"]);
    expect(made[4]!.args).toEqual([0, 1, 2, 3].map((result) => ({ result })));
    expect(made[5]!.args).toEqual([]);
  });
});

describe("dataset builders", () => {
  it("register a dataset with its terms built first and every field in Move's parameter order", () => {
    const tx = new Transaction();
    transactions.dataset.register(tx, PKG, dataset);
    const made = calls(tx);
    expect(made.map((c) => c.target)).toEqual([...TERMS_CALLS, "dataset::register"]);
    const [name, blob, sha, size, media, license, terms, policy, clock] = made[5]!.args;
    expect(made[5]!.args).toHaveLength(9);
    expect(pure(text, name)).toBe("raw");
    expect(pure(u256, blob)).toBe("5");
    expect(pure(byteVector, sha)).toEqual(bytes(1));
    expect(pure(u64, size)).toBe("1024");
    expect(pure(text, media)).toBe("text/csv");
    expect(pure(text, license)).toBe("MIT");
    expect(terms).toEqual({ result: 4 });
    expect(pure(bcs.option(bcs.Address), policy)).toBe(ID(7));
    expect(clock).toBe(CLOCK);
    expect(allToPackage(tx)).toBe(true);
  });

  it("register a dataset with no Seal policy as none", () => {
    const tx = new Transaction();
    transactions.dataset.register(tx, PKG, { ...dataset, policy: undefined });
    expect(pure(bcs.option(bcs.Address), calls(tx)[5]!.args[7])).toBeNull();
  });

  it("register a derived dataset: terms, begin_derived on the output, add_parent per parent, finish_derived", () => {
    const tx = new Transaction();
    const transform = transactions.attestation.recordSelf(tx, PKG, {
      ...trainingPayload,
      kind: AttestationKind.transform,
    });
    transactions.dataset.registerDerived(tx, PKG, transform, [ID(1), ID(2)], dataset);
    const made = calls(tx);
    expect(made.map((c) => c.target)).toEqual([
      "attestation::record_self",
      ...TERMS_CALLS,
      "dataset::begin_derived",
      "dataset::add_parent",
      "dataset::add_parent",
      "dataset::finish_derived",
    ]);
    const [begin, first, second, finish] = made.slice(6);
    expect(begin!.args[0]).toEqual({ result: 0 });
    expect(pure(u256, begin!.args[1])).toBe("5");
    expect(pure(byteVector, begin!.args[2])).toEqual(bytes(1));
    expect(first!.args).toEqual([{ result: 6 }, ID(1)]);
    expect(second!.args).toEqual([{ result: 6 }, ID(2)]);
    const [builder, name, size, media, license, terms, policy, clock] = finish!.args;
    expect(finish!.args).toHaveLength(8);
    expect(builder).toEqual({ result: 6 });
    expect(pure(text, name)).toBe("raw");
    expect(pure(u64, size)).toBe("1024");
    expect(pure(text, media)).toBe("text/csv");
    expect(pure(text, license)).toBe("MIT");
    expect(terms).toEqual({ result: 5 });
    expect(pure(bcs.option(bcs.Address), policy)).toBe(ID(7));
    expect(clock).toBe(CLOCK);
  });

  it("register a derived version: begin_derived, add_parent per parent, finish_derived_version on the previous", () => {
    const tx = new Transaction();
    const transform = transactions.attestation.recordSelf(tx, PKG, trainingPayload);
    transactions.dataset.registerDerivedVersion(tx, PKG, transform, [ID(1)], ID(8), dataset);
    const made = calls(tx);
    expect(made.map((c) => c.target)).toEqual([
      "attestation::record_self",
      "dataset::begin_derived",
      "dataset::add_parent",
      "dataset::finish_derived_version",
    ]);
    expect(made[1]!.args.slice(0, 1)).toEqual([{ result: 0 }]);
    expect(made[2]!.args).toEqual([{ result: 1 }, ID(1)]);
    const [builder, previous, size, media, clock] = made[3]!.args;
    expect(made[3]!.args).toHaveLength(5);
    expect(builder).toEqual({ result: 1 });
    expect(previous).toBe(ID(8));
    expect(pure(u64, size)).toBe("1024");
    expect(pure(text, media)).toBe("text/csv");
    expect(clock).toBe(CLOCK);
  });

  it("build every other dataset call in Move's parameter order", () => {
    const tx = new Transaction();
    transactions.dataset.publishVersion(tx, PKG, ID(4), {
      blobId: 11n,
      sha256: bytes(2),
      size: 1,
      mediaType: "a/b",
    });
    transactions.dataset.setTerms(tx, PKG, ID(4), TERMS);
    transactions.dataset.retract(tx, PKG, ID(4), "consent withdrawn");
    transactions.dataset.setPolicy(tx, PKG, ID(4), null);
    transactions.dataset.migrate(tx, PKG, ID(1), ID(4));
    const made = calls(tx);
    expect(made.map((c) => c.target)).toEqual([
      "dataset::publish_version",
      ...TERMS_CALLS,
      "dataset::set_terms",
      "dataset::retract",
      "dataset::set_policy",
      "dataset::migrate",
    ]);
    const [publish, , , , , , setTerms, retract, setPolicy, migrate] = made;
    expect(publish!.args[0]).toBe(ID(4));
    expect(pure(u256, publish!.args[1])).toBe("11");
    expect(pure(byteVector, publish!.args[2])).toEqual(bytes(2));
    expect(pure(u64, publish!.args[3])).toBe("1");
    expect(pure(text, publish!.args[4])).toBe("a/b");
    expect(publish!.args[5]).toBe(CLOCK);
    expect(setTerms!.args).toEqual([ID(4), { result: 5 }, CLOCK]);
    expect(retract!.args[0]).toBe(ID(4));
    expect(pure(text, retract!.args[1])).toBe("consent withdrawn");
    expect(retract!.args[2]).toBe(CLOCK);
    expect(setPolicy!.args[0]).toBe(ID(4));
    expect(pure(bcs.option(bcs.Address), setPolicy!.args[1])).toBeNull();
    expect(setPolicy!.args[2]).toBe(CLOCK);
    expect(migrate!.args).toEqual([ID(1), ID(4)]);
    expect(allToPackage(tx)).toBe(true);
  });
});

describe("attestation builders", () => {
  it("record a signed attestation with its blobs as parallel vectors of ids and SHA-256s", () => {
    const tx = new Transaction();
    transactions.attestation.record(tx, PKG, ID(8), trainingPayload, 1_000n, bytes(2, 64));
    const [record] = calls(tx);
    expect(record!.target).toBe("attestation::record");
    const [attester, kind, inputs, inBlobs, inShas, outputs, outBlobs, outShas, digest, ts, sig] =
      record!.args;
    expect(record!.args).toHaveLength(12);
    expect(attester).toBe(ID(8));
    expect(pure(bcs.u8(), kind)).toBe(AttestationKind.training);
    expect(pure(ids, inputs)).toEqual([ID(1), ID(2)]);
    expect(pure(bcs.vector(u256), inBlobs)).toEqual(["3", "4"]);
    expect(pure(bcs.vector(byteVector), inShas)).toEqual([bytes(3), bytes(4)]);
    expect(pure(ids, outputs)).toEqual([]);
    expect(pure(bcs.vector(u256), outBlobs)).toEqual(["6"]);
    expect(pure(bcs.vector(byteVector), outShas)).toEqual([bytes(6)]);
    expect(pure(byteVector, digest)).toEqual(bytes(9));
    expect(pure(u64, ts)).toBe("1000");
    expect(pure(byteVector, sig)).toEqual(bytes(2, 64));
    expect(record!.args[11]).toBe(CLOCK);
  });

  it("record an unsigned attestation with the same payload arguments, and finalize it", () => {
    const tx = new Transaction();
    const attestation = transactions.attestation.recordSelf(tx, PKG, trainingPayload);
    transactions.attestation.finalize(tx, PKG, attestation);
    const [recordSelf, finalize] = calls(tx);
    expect(recordSelf!.target).toBe("attestation::record_self");
    expect(recordSelf!.args).toHaveLength(9);
    expect(pure(bcs.u8(), recordSelf!.args[0])).toBe(AttestationKind.training);
    expect(pure(bcs.vector(byteVector), recordSelf!.args[3])).toEqual([bytes(3), bytes(4)]);
    expect(pure(byteVector, recordSelf!.args[7])).toEqual(bytes(9));
    expect(recordSelf!.args[8]).toBe(CLOCK);
    expect(finalize).toMatchObject({ target: "attestation::finalize", args: [{ result: 0 }] });
    expect(allToPackage(tx)).toBe(true);
  });
});

describe("model builders", () => {
  it("register a model in the recording PTB: begin on the weights, add_dataset per dataset, finish", () => {
    const tx = new Transaction();
    const training = transactions.attestation.record(
      tx,
      PKG,
      ID(8),
      trainingPayload,
      1_000n,
      bytes(2, 64),
    );
    transactions.model.register(tx, PKG, training, [ID(1), ID(2)], model);
    transactions.attestation.finalize(tx, PKG, training);
    const made = calls(tx);
    expect(made.map((c) => c.target)).toEqual([
      "attestation::record",
      "model::begin",
      "model::add_dataset",
      "model::add_dataset",
      "model::finish",
      "attestation::finalize",
    ]);
    const [, begin, first, second, finish, finalize] = made;
    expect(begin!.args[0]).toEqual({ result: 0 });
    expect(pure(u256, begin!.args[1])).toBe("6");
    expect(pure(byteVector, begin!.args[2])).toEqual(bytes(6));
    expect(begin!.args).toHaveLength(3);
    expect(first!.args).toEqual([{ result: 1 }, ID(1)]);
    expect(second!.args).toEqual([{ result: 1 }, ID(2)]);
    const [builder, name, size, architecture, framework, clock] = finish!.args;
    expect(finish!.args).toHaveLength(6);
    expect(builder).toEqual({ result: 1 });
    expect(pure(text, name)).toBe("m");
    expect(pure(u64, size)).toBe("10");
    expect(pure(text, architecture)).toBe("logistic-regression");
    expect(pure(text, framework)).toBe("sklearn-1.5");
    expect(clock).toBe(CLOCK);
    expect(finalize!.args).toEqual([{ result: 0 }]);
  });

  it("register a fine-tune: begin_fine_tune with the base model, then as register", () => {
    const tx = new Transaction();
    const fineTune = transactions.attestation.recordSelf(tx, PKG, {
      ...trainingPayload,
      kind: AttestationKind.generativeFineTune,
    });
    transactions.model.registerFineTune(tx, PKG, fineTune, ID(5), [ID(1)], model);
    const made = calls(tx);
    expect(made.map((c) => c.target)).toEqual([
      "attestation::record_self",
      "model::begin_fine_tune",
      "model::add_dataset",
      "model::finish",
    ]);
    expect(pure(bcs.u8(), made[0]!.args[0])).toBe(6);
    const [fine, base, blob, sha] = made[1]!.args;
    expect(made[1]!.args).toHaveLength(4);
    expect(fine).toEqual({ result: 0 });
    expect(base).toBe(ID(5));
    expect(pure(u256, blob)).toBe("6");
    expect(pure(byteVector, sha)).toEqual(bytes(6));
    expect(made[2]!.args).toEqual([{ result: 1 }, ID(1)]);
    expect(made[3]!.args[0]).toEqual({ result: 1 });
    expect(allToPackage(tx)).toBe(true);
  });
});

describe("attester and enclave builders", () => {
  it("build every attester call with the AdminCap and the registry in Move's parameter order", () => {
    const tx = new Transaction();
    const [cap, registry, attester] = [ID(1), ID(2), ID(3)];
    transactions.attester.register(tx, PKG, cap, registry, "ci", bytes(7));
    transactions.attester.rotateKey(tx, PKG, cap, registry, attester, bytes(8));
    transactions.attester.revoke(tx, PKG, cap, attester);
    transactions.attester.migrate(tx, PKG, cap, attester);
    transactions.attester.migrateRegistry(tx, PKG, cap, registry);
    const [register, rotate, revoke, migrate, migrateRegistry] = calls(tx);
    expect(register!.target).toBe("attester::register");
    expect(register!.args.slice(0, 2)).toEqual([cap, registry]);
    expect(pure(text, register!.args[2])).toBe("ci");
    expect(pure(byteVector, register!.args[3])).toEqual(bytes(7));
    expect(register!.args[4]).toBe(CLOCK);
    expect(register!.args).toHaveLength(5);
    expect(rotate!.target).toBe("attester::rotate_key");
    expect(rotate!.args.slice(0, 3)).toEqual([cap, registry, attester]);
    expect(pure(byteVector, rotate!.args[3])).toEqual(bytes(8));
    expect(rotate!.args[4]).toBe(CLOCK);
    expect(revoke).toMatchObject({ target: "attester::revoke", args: [cap, attester, CLOCK] });
    expect(migrate).toMatchObject({ target: "attester::migrate", args: [cap, attester] });
    expect(migrateRegistry).toMatchObject({
      target: "attester::migrate_registry",
      args: [cap, registry],
    });
    expect(allToPackage(tx)).toBe(true);
  });

  it("create an enclave configuration from its three PCRs", () => {
    const tx = new Transaction();
    const pcrs = [bytes(1, 48), bytes(2, 48), bytes(3, 48)] as const;
    transactions.enclave.createConfig(tx, PKG, ID(1), "verity-enclave-v1", pcrs);
    const [create] = calls(tx);
    expect(create!.target).toBe("enclave::create_config");
    expect(create!.args).toHaveLength(6);
    expect(create!.args[0]).toBe(ID(1));
    expect(pure(text, create!.args[1])).toBe("verity-enclave-v1");
    expect(create!.args.slice(2, 5).map((a) => pure(byteVector, a))).toEqual([...pcrs]);
    expect(create!.args[5]).toBe(CLOCK);
    expect(allToPackage(tx)).toBe(true);
  });

  it("retire an enclave configuration with the AdminCap, the registry and the config", () => {
    const tx = new Transaction();
    const [cap, registry, config] = [ID(1), ID(2), ID(4)];
    transactions.enclave.retireConfig(tx, PKG, cap, registry, config);
    expect(calls(tx)).toEqual([
      { package: PKG, target: "enclave::retire_config", args: [cap, registry, config, CLOCK] },
    ]);
  });

  it("register an enclave: load_nitro_attestation on the document, then enclave::register with it", () => {
    const tx = new Transaction();
    const document = bytes(0xd0, 300);
    transactions.enclave.register(tx, PKG, ID(4), ID(2), document, "nitro-1");
    const [load, register] = calls(tx);
    expect(load).toMatchObject({
      package: normalizeSuiAddress("0x2"),
      target: "nitro_attestation::load_nitro_attestation",
    });
    expect(pure(byteVector, load!.args[0])).toEqual(document);
    expect(load!.args.slice(1)).toEqual([CLOCK]);
    expect(register!.package).toBe(PKG);
    expect(register!.target).toBe("enclave::register");
    const [config, registry, loaded, name, clock] = register!.args;
    expect(register!.args).toHaveLength(5);
    expect([config, registry, loaded]).toEqual([ID(4), ID(2), { result: 0 }]);
    expect(pure(text, name)).toBe("nitro-1");
    expect(clock).toBe(CLOCK);
  });
});

describe("inference builder", () => {
  it("records an inference with its payload digest, in Move's parameter order", () => {
    const tx = new Transaction();
    transactions.inference.record(tx, PKG, ID(3), ID(2), {
      inputBlobId: 1n,
      outputBlobId: "2",
      inputSha256: bytes(1),
      outputSha256: bytes(2),
      payloadDigest: bytes(9),
      timestampMs: 5n,
      signature: bytes(4, 64),
    });
    const [record] = calls(tx);
    expect(record!.target).toBe("inference::record");
    const [m, attester, inBlob, inSha, outBlob, outSha, digest, ts, sig, clock] = record!.args;
    expect(record!.args).toHaveLength(10);
    expect([m, attester]).toEqual([ID(3), ID(2)]);
    expect(pure(u256, inBlob)).toBe("1");
    expect(pure(byteVector, inSha)).toEqual(bytes(1));
    expect(pure(u256, outBlob)).toBe("2");
    expect(pure(byteVector, outSha)).toEqual(bytes(2));
    expect(pure(byteVector, digest)).toEqual(bytes(9));
    expect(pure(u64, ts)).toBe("5");
    expect(pure(byteVector, sig)).toEqual(bytes(4, 64));
    expect(clock).toBe(CLOCK);
  });
});

describe("Seal policy builders", () => {
  it("create an allowlist with members in one PTB: new, add per member on its results, share", () => {
    const tx = new Transaction();
    const cap = transactions.allowlist.createWithMembers(tx, PKG, "readers", [ID(0xb), "0xC"]);
    expect(targets(tx)).toEqual([
      "allowlist::new",
      "allowlist::add",
      "allowlist::add",
      "allowlist::share",
    ]);
    const made = calls(tx);
    expect(pure(text, made[0]!.args[0])).toBe("readers");
    expect(cap).toMatchObject({ $kind: "NestedResult", NestedResult: [0, 1] });
    for (const [i, member] of [
      [1, ID(0xb)],
      [2, ID(0xc)],
    ] as const) {
      expect(made[i]!.args.slice(0, 2)).toEqual([{ nested: [0, 0] }, { nested: [0, 1] }]);
      expect(pure(bcs.Address, made[i]!.args[2])).toBe(member);
    }
    expect(made[3]!.args).toEqual([{ nested: [0, 0] }]);
  });

  it("refuse a duplicate or malformed allowlist member and leave the PTB untouched", () => {
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

  it("build every allowlist call, each step on its own, against the package", () => {
    const tx = new Transaction();
    transactions.allowlist.create(tx, PKG, "one call");
    const [allowlist, cap] = transactions.allowlist.new(tx, PKG, "step by step");
    transactions.allowlist.add(tx, PKG, allowlist!, cap!, ID(0xb));
    transactions.allowlist.share(tx, PKG, allowlist!);
    transactions.allowlist.remove(tx, PKG, ID(1), ID(2), ID(0xb));
    transactions.allowlist.sealApprove(tx, PKG, bytes(1, 33), ID(1));
    transactions.allowlist.migrate(tx, PKG, ID(1), ID(2));
    expect(targets(tx)).toEqual([
      "allowlist::create",
      "allowlist::new",
      "allowlist::add",
      "allowlist::share",
      "allowlist::remove",
      "allowlist::seal_approve",
      "allowlist::migrate",
    ]);
    const made = calls(tx);
    expect(made[4]!.args.slice(0, 2)).toEqual([ID(1), ID(2)]);
    expect(made[6]!.args).toEqual([ID(1), ID(2)]);
    expect(allToPackage(tx)).toBe(true);
  });

  it("build every subscription and timelock call against the package", () => {
    const tx = new Transaction();
    transactions.subscription.create(tx, PKG, { name: "premium", feeMist: 10n, ttlMs: 60_000 });
    const subscription = transactions.subscription.subscribe(tx, PKG, ID(1), ID(9));
    transactions.subscription.transfer(tx, PKG, subscription, ID(0xb));
    transactions.subscription.withdraw(tx, PKG, ID(1), ID(2));
    transactions.subscription.sealApprove(tx, PKG, bytes(1, 33), ID(3), ID(1));
    transactions.subscription.migrate(tx, PKG, ID(1), ID(2));
    transactions.timelock.create(tx, PKG, 1_700_000_000_000n);
    transactions.timelock.sealApprove(tx, PKG, bytes(1, 33), ID(4));
    expect(targets(tx)).toEqual([
      "subscription::create",
      "subscription::subscribe",
      "subscription::transfer",
      "subscription::withdraw",
      "subscription::seal_approve",
      "subscription::migrate",
      "timelock::create",
      "timelock::seal_approve",
    ]);
    const made = calls(tx);
    expect(made[1]!.args).toEqual([ID(1), ID(9), CLOCK]);
    expect(made[2]!.args[0]).toEqual({ result: 1 });
    expect(made[5]!.args).toEqual([ID(1), ID(2)]);
    expect(allToPackage(tx)).toBe(true);
  });
});

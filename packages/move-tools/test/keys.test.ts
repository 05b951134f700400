import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  decodeSuiPrivateKey,
  encodeSuiPrivateKey,
  type Keypair,
  SIGNATURE_SCHEME_TO_FLAG,
} from "@mysten/sui/cryptography";
import { Ed25519Keypair } from "@mysten/sui/keypairs/ed25519";
import { Secp256k1Keypair } from "@mysten/sui/keypairs/secp256k1";
import { toBase64 } from "@mysten/sui/utils";
import { verifyPersonalMessageSignature } from "@mysten/sui/verify";
import { describe, expect, it } from "vitest";
import { keypairFromKeystore, keypairFromSuiPrivateKey, loadKeypair } from "../src/keys.ts";

/** A keystore entry the way the Sui CLI writes it: base64(flag || 32-byte secret). */
const keystoreEntry = (keypair: Keypair) => {
  const { scheme, secretKey } = decodeSuiPrivateKey(keypair.getSecretKey());
  return toBase64(Uint8Array.of(SIGNATURE_SCHEME_TO_FLAG[scheme], ...secretKey));
};

const dir = mkdtempSync(join(tmpdir(), "verity-keys-"));
const writeKeystore = (name: string, contents: string) => {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
};

const secp = Secp256k1Keypair.generate();
const first = Ed25519Keypair.generate();
const second = Ed25519Keypair.generate();
const keystore = writeKeystore(
  "sui.keystore",
  JSON.stringify([keystoreEntry(secp), keystoreEntry(first), keystoreEntry(second)]),
);

describe("loadKeypair from a Sui keystore file", () => {
  it("takes the first ed25519 key, and it signs as that key", async () => {
    const keypair = loadKeypair(keystore);
    expect(keypair.toSuiAddress()).toBe(first.toSuiAddress());
    const message = new TextEncoder().encode("verity");
    const { signature } = await keypair.signPersonalMessage(message);
    const publicKey = await verifyPersonalMessageSignature(message, signature, {
      address: first.toSuiAddress(),
    });
    expect(publicKey.toSuiAddress()).toBe(first.toSuiAddress());
  });

  it("picks the key for --address, whatever its scheme", () => {
    expect(loadKeypair(keystore, { address: second.toSuiAddress() }).toSuiAddress()).toBe(
      second.toSuiAddress(),
    );
    const picked = loadKeypair(keystore, { address: secp.toSuiAddress() });
    expect(picked.getKeyScheme()).toBe("Secp256k1");
    expect(picked.toSuiAddress()).toBe(secp.toSuiAddress());
  });

  it("names the addresses it holds when --address matches none", () => {
    const stranger = Ed25519Keypair.generate().toSuiAddress();
    expect(() => loadKeypair(keystore, { address: stranger })).toThrow(
      `holds no key for address ${stranger} (it holds ${secp.toSuiAddress()}, ${first.toSuiAddress()}, ${second.toSuiAddress()})`,
    );
  });

  it("rejects an --address that is not an address", () => {
    expect(() => loadKeypair(keystore, { address: "alice" })).toThrow(
      "--address alice is not a Sui address",
    );
  });

  it("says when there is no ed25519 key to default to", () => {
    const path = writeKeystore("secp-only.keystore", JSON.stringify([keystoreEntry(secp)]));
    expect(() => loadKeypair(path)).toThrow(`${path} holds no ed25519 key; pass --address`);
    expect(loadKeypair(path, { address: secp.toSuiAddress() }).toSuiAddress()).toBe(
      secp.toSuiAddress(),
    );
  });

  it.each([
    ["not JSON", "this is not json", "not JSON"],
    ["a JSON object", '{"keys": []}', "expected a JSON array of base64 keys"],
    ["an array of numbers", "[1, 2]", "expected a JSON array of base64 keys"],
    ["an empty array", "[]", "holds no keys"],
    [
      "a 32-byte entry without flag",
      JSON.stringify([toBase64(new Uint8Array(32))]),
      "key #1 is not base64 of flag || 32-byte secret key",
    ],
    ["an entry that is not base64", JSON.stringify(["@@@@"]), "key #1 is not base64"],
  ])("rejects a keystore that is %s", (_what, contents, message) => {
    const path = writeKeystore(`bad-${_what.replaceAll(" ", "-")}.keystore`, contents);
    expect(() => loadKeypair(path)).toThrow(message);
    expect(() => loadKeypair(path)).toThrow(path);
  });

  it("ignores entries of schemes it cannot sign with unless nothing else is there", () => {
    const zkLogin = toBase64(
      Uint8Array.of(SIGNATURE_SCHEME_TO_FLAG.ZkLogin, ...new Uint8Array(32).fill(1)),
    );
    const mixed = writeKeystore("mixed.keystore", JSON.stringify([zkLogin, keystoreEntry(first)]));
    expect(loadKeypair(mixed).toSuiAddress()).toBe(first.toSuiAddress());
    const only = writeKeystore("zklogin.keystore", JSON.stringify([zkLogin]));
    expect(() => loadKeypair(only)).toThrow("holds no ed25519 key");
  });

  it("says a directory is not a keystore file", () => {
    expect(() => loadKeypair(dir)).toThrow(`${dir} is a directory, not a keystore file`);
  });

  it("says a path-like --key that does not exist is a missing keystore file", () => {
    const missing = join(dir, "nope.keystore");
    expect(() => loadKeypair(missing)).toThrow(`keystore file ${missing} does not exist`);
  });
});

describe("loadKeypair from an environment variable", () => {
  const env = {
    DEPLOY_KEY: second.getSecretKey(),
    SECP_KEY: secp.getSecretKey(),
    GARBAGE: "suiprivkey1nonsense",
  };

  it("decodes a suiprivkey1… key of a supported scheme", () => {
    expect(loadKeypair("DEPLOY_KEY", { env }).toSuiAddress()).toBe(second.toSuiAddress());
    expect(loadKeypair("SECP_KEY", { env }).toSuiAddress()).toBe(secp.toSuiAddress());
  });

  it("checks the key against --address", () => {
    expect(loadKeypair("DEPLOY_KEY", { env, address: second.toSuiAddress() }).toSuiAddress()).toBe(
      second.toSuiAddress(),
    );
    expect(() => loadKeypair("DEPLOY_KEY", { env, address: first.toSuiAddress() })).toThrow(
      `holds the key of ${second.toSuiAddress()}, not of ${first.toSuiAddress()}`,
    );
  });

  it("says when the variable is missing or empty", () => {
    expect(() => loadKeypair("NO_SUCH_KEY", { env })).toThrow(
      "environment variable NO_SUCH_KEY is not set",
    );
    expect(() => loadKeypair("EMPTY", { env: { EMPTY: "" } })).toThrow(
      "environment variable EMPTY is not set",
    );
  });

  it("says when the value is not a key", () => {
    expect(() => loadKeypair("GARBAGE", { env })).toThrow(
      "environment variable GARBAGE does not hold a valid suiprivkey1… private key",
    );
  });

  it("refuses a key passed directly on the command line", () => {
    expect(() => loadKeypair(first.getSecretKey(), { env })).toThrow("not the key itself");
  });
});

describe("keypairFromSuiPrivateKey / keypairFromKeystore", () => {
  it("rejects a key scheme it cannot sign with", () => {
    const multisig = encodeSuiPrivateKey(new Uint8Array(32).fill(3), "MultiSig");
    expect(() => keypairFromSuiPrivateKey(multisig, "KEY")).toThrow(
      "KEY: unsupported key scheme MultiSig; use ED25519, Secp256k1, Secp256r1",
    );
  });

  it("round-trips a keystore entry to the same address", () => {
    const keypair = Ed25519Keypair.generate();
    expect(
      keypairFromKeystore(JSON.stringify([keystoreEntry(keypair)]), "inline").toSuiAddress(),
    ).toBe(keypair.toSuiAddress());
  });
});

import { existsSync, readFileSync, statSync } from "node:fs";
import {
  decodeSuiPrivateKey,
  type Keypair,
  SIGNATURE_FLAG_TO_SCHEME,
  type SignatureScheme,
  SUI_PRIVATE_KEY_PREFIX,
} from "@mysten/sui/cryptography";
import { Ed25519Keypair } from "@mysten/sui/keypairs/ed25519";
import { Secp256k1Keypair } from "@mysten/sui/keypairs/secp256k1";
import { Secp256r1Keypair } from "@mysten/sui/keypairs/secp256r1";
import { fromBase64, isValidSuiAddress, normalizeSuiAddress } from "@mysten/sui/utils";

/** Signature schemes a deploy key may use, with the keypair class for each. */
const KEYPAIRS: Partial<Record<SignatureScheme, { fromSecretKey(secret: Uint8Array): Keypair }>> = {
  ED25519: Ed25519Keypair,
  Secp256k1: Secp256k1Keypair,
  Secp256r1: Secp256r1Keypair,
};

const supported = () => Object.keys(KEYPAIRS).join(", ");

/** Normalizes an `--address` value, or says it is not a Sui address. */
function parseAddress(address: string): string {
  const normalized = normalizeSuiAddress(address);
  if (!isValidSuiAddress(normalized))
    throw new Error(`--address ${address} is not a Sui address (0x + up to 64 hex digits)`);
  return normalized;
}

/** Makes a keypair from a 32-byte secret key, or says which schemes are supported. */
function keypairFor(
  scheme: SignatureScheme | undefined,
  secret: Uint8Array,
  origin: string,
): Keypair {
  const make = scheme && KEYPAIRS[scheme];
  if (!make)
    throw new Error(
      `${origin}: unsupported key scheme ${scheme ?? "(unknown flag)"}; use ${supported()}`,
    );
  return make.fromSecretKey(secret);
}

/**
 * Picks a key from the text of a Sui keystore (`~/.sui/sui_config/sui.keystore`): a JSON array of
 * base64 strings, each `flag byte || 32-byte secret key` (flag 0 ed25519, 1 secp256k1, 2
 * secp256r1).
 *
 * @param text the keystore file's contents
 * @param origin where the text came from, for error messages (usually the file path)
 * @param address when given, the key whose Sui address this is (any supported scheme); when
 *   omitted, the first ed25519 key
 * @throws Error when the text is not such an array, an entry is malformed, or no key matches
 */
export function keypairFromKeystore(text: string, origin: string, address?: string): Keypair {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    throw new Error(`${origin} is not a Sui keystore: not JSON (expected an array of base64 keys)`);
  }
  if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== "string")) {
    throw new Error(`${origin} is not a Sui keystore: expected a JSON array of base64 keys`);
  }
  const keys = (entries as string[]).map((entry, index) => {
    const bytes = decodeBase64(entry);
    if (bytes?.length !== 33) {
      throw new Error(`${origin}: key #${index + 1} is not base64 of flag || 32-byte secret key`);
    }
    const flag = bytes[0] as keyof typeof SIGNATURE_FLAG_TO_SCHEME;
    return {
      scheme: SIGNATURE_FLAG_TO_SCHEME[flag] as SignatureScheme | undefined,
      secret: bytes.subarray(1),
    };
  });
  if (keys.length === 0) throw new Error(`${origin} holds no keys`);

  if (address === undefined) {
    const first = keys.find((key) => key.scheme === "ED25519");
    if (!first) {
      throw new Error(
        `${origin} holds no ed25519 key; pass --address to pick one of its other keys`,
      );
    }
    return keypairFor(first.scheme, first.secret, origin);
  }
  const wanted = parseAddress(address);
  const keypairs = keys
    .filter((key) => key.scheme && KEYPAIRS[key.scheme])
    .map((key) => keypairFor(key.scheme, key.secret, origin));
  const match = keypairs.find((keypair) => keypair.toSuiAddress() === wanted);
  if (!match) {
    const held =
      keypairs.map((keypair) => keypair.toSuiAddress()).join(", ") || `no ${supported()} keys`;
    throw new Error(`${origin} holds no key for address ${wanted} (it holds ${held})`);
  }
  return match;
}

/** Decodes strict base64, or returns undefined (`fromBase64` skips invalid characters). */
function decodeBase64(text: string): Uint8Array | undefined {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0
    ? fromBase64(text)
    : undefined;
}

/**
 * Makes a keypair from a bech32 `suiprivkey1…` string, as `sui keytool export` prints it.
 *
 * @param origin where the value came from, for error messages (e.g. `environment variable X`)
 * @throws Error when the value is not a valid `suiprivkey1…` key, or its scheme is unsupported
 */
export function keypairFromSuiPrivateKey(value: string, origin: string): Keypair {
  let parsed: ReturnType<typeof decodeSuiPrivateKey>;
  try {
    parsed = decodeSuiPrivateKey(value.trim());
  } catch {
    throw new Error(`${origin} does not hold a valid ${SUI_PRIVATE_KEY_PREFIX}1… private key`);
  }
  return keypairFor(parsed.scheme, parsed.secretKey, origin);
}

/**
 * Loads the signing key named by a `--key` value: a path to a Sui keystore file when such a file
 * exists, else the name of an environment variable holding a `suiprivkey1…` key.
 *
 * @param source keystore file path, or environment variable name
 * @param options.address pick the key for this address (keystore), or check the key has it (env)
 * @param options.env the environment to read variables from (default `process.env`)
 * @throws Error with a one-line message when the file or variable is missing, the key cannot
 *   be parsed, its scheme is unsupported, or it is not the key for `address`
 */
export function loadKeypair(
  source: string,
  options: { address?: string; env?: NodeJS.ProcessEnv } = {},
): Keypair {
  if (existsSync(source)) {
    if (statSync(source).isDirectory())
      throw new Error(`${source} is a directory, not a keystore file`);
    return keypairFromKeystore(readFileSync(source, "utf8"), source, options.address);
  }
  if (source.startsWith(SUI_PRIVATE_KEY_PREFIX)) {
    throw new Error(
      "--key takes a keystore file or the NAME of an environment variable holding the key, not the key itself",
    );
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(source))
    throw new Error(`keystore file ${source} does not exist`);
  const value = (options.env ?? process.env)[source];
  if (!value)
    throw new Error(
      `environment variable ${source} is not set (and there is no keystore file named ${source})`,
    );
  const keypair = keypairFromSuiPrivateKey(value, `environment variable ${source}`);
  if (options.address !== undefined && keypair.toSuiAddress() !== parseAddress(options.address)) {
    throw new Error(
      `environment variable ${source} holds the key of ${keypair.toSuiAddress()}, not of ${options.address}`,
    );
  }
  return keypair;
}

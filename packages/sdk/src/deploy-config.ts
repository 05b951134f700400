import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

const objectId = z.string().regex(/^0x[0-9a-f]{64}$/, "expected 0x + 64 lowercase hex digits");
const base58Digest = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/, "expected a base58 digest");

/**
 * Where Verity's package lives on one network, as `verity deploy` recorded it.
 *
 * - `packageId`: id of the published package (0x + 64 hex)
 * - `upgradeCap`: id of its `0x2::package::UpgradeCap`
 * - `objects`: every object the publish created, owned or shared, keyed by type; types of the
 *   package itself are written `verity::module::Type` (the deployer's
 *   `verity::attester::AdminCap`, the shared `verity::attester::AttesterRegistry`: read them
 *   with `adminCapId` / `attesterRegistryId`), others as normalized struct tags; a second
 *   object of the same type is keyed `<type>#2`
 * - `digest`: base58 digest of the publish transaction
 * - `checkpoint`: sequence number (u64, decimal string) of the checkpoint holding it, when known
 * - `publishedAtMs`: when it was published, ms since the Unix epoch (the checkpoint's timestamp
 *   when known, else the deployer's clock)
 * - `chainIdentifier`: base58 digest of the network's genesis checkpoint, to notice a reset
 *   localnet or a URL that now points at another network
 */
export const DeployEntrySchema = z.object({
  packageId: objectId,
  upgradeCap: objectId,
  objects: z.record(z.string().min(1), objectId),
  digest: base58Digest,
  checkpoint: z.string().regex(/^\d+$/, "expected a decimal u64").optional(),
  publishedAtMs: z.number().int().nonnegative(),
  chainIdentifier: base58Digest.optional(),
});

/** One network's deployment; see {@link DeployEntrySchema} for the fields. */
export type DeployEntry = z.infer<typeof DeployEntrySchema>;

/** `objects` key of the `AdminCap` the publish mints to the deployer (`attester::init`). */
export const ADMIN_CAP = "verity::attester::AdminCap";

/** `objects` key of the shared `AttesterRegistry` the publish makes (`attester::init`). */
export const ATTESTER_REGISTRY = "verity::attester::AttesterRegistry";

/**
 * The id of an object the publish created, by its `objects` key (e.g. {@link ADMIN_CAP}).
 *
 * @throws Error naming the key when the deployment records no such object (e.g. a deployment
 *   of a package version that did not create it: redeploy)
 */
export function publishedObjectId(entry: DeployEntry, key: string): string {
  const id = entry.objects[key];
  if (!id)
    throw new Error(
      `the deployment of ${entry.packageId} records no ${key} (published by an older package? redeploy)`,
    );
  return id;
}

/**
 * The id of the package's `AdminCap`, which `attester::register`, `rotate_key`, `revoke`,
 * `enclave::create_config` and the admins' `migrate`s take. Throws as {@link publishedObjectId}.
 */
export const adminCapId = (entry: DeployEntry): string => publishedObjectId(entry, ADMIN_CAP);

/**
 * The id of the shared `AttesterRegistry`, which `attester::register`, `rotate_key` and
 * `enclave::register` take. Throws as {@link publishedObjectId}.
 */
export const attesterRegistryId = (entry: DeployEntry): string =>
  publishedObjectId(entry, ATTESTER_REGISTRY);

/**
 * The deploy config file: `{ "networks": { "<network>": DeployEntry } }`, where `<network>` is
 * `mainnet`, `testnet`, `devnet`, `localnet` or a full-node URL. Unknown top-level keys are kept.
 */
export const DeployConfigSchema = z.looseObject({
  networks: z.record(z.string().min(1), DeployEntrySchema),
});

/** The parsed deploy config file; see {@link DeployConfigSchema}. */
export type DeployConfig = z.infer<typeof DeployConfigSchema>;

/**
 * The deploy config path to use: `VERITY_CONFIG` when set, else `verity.config.json` in the
 * working directory (the repository root, where `pnpm verity` runs).
 *
 * @param env the environment to read `VERITY_CONFIG` from (default `process.env`)
 */
export function deployConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.VERITY_CONFIG || resolve("verity.config.json");
}

/** One-line summary of zod issues: `networks.testnet.packageId: expected …; …`. */
const describeIssues = (error: z.ZodError) =>
  error.issues
    .map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`)
    .join("; ");

/**
 * Reads and validates a deploy config file.
 *
 * @param path the config file (see {@link deployConfigPath})
 * @returns the config; `{ networks: {} }` when the file does not exist
 * @throws Error naming the file when it is not JSON or does not match {@link DeployConfigSchema}
 */
export function readDeployConfig(path: string): DeployConfig {
  if (!existsSync(path)) return { networks: {} };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${path} is not a valid Verity deploy config: ${(error as Error).message}`);
  }
  const parsed = DeployConfigSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`${path} is not a valid Verity deploy config: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * Records one network's deployment in the config file, keeping the other networks (and any
 * other top-level keys) as they are and replacing this network's previous entry. Creates the file
 * (and its folder) when missing; writes to a temporary file and renames it over the old one, so
 * a crash never leaves half a file.
 *
 * @param path the config file (see {@link deployConfigPath})
 * @param network the network's name, or its full-node URL
 * @param entry the deployment to record
 * @returns the config as written
 * @throws Error when the existing file is invalid (it is then left untouched) or `entry` does
 *   not match {@link DeployEntrySchema}
 */
export function writeDeployConfig(path: string, network: string, entry: DeployEntry): DeployConfig {
  const checked = DeployEntrySchema.safeParse(entry);
  if (!checked.success)
    throw new Error(`deployment for ${network} is invalid: ${describeIssues(checked.error)}`);
  const current = readDeployConfig(path);
  const next: DeployConfig = {
    ...current,
    networks: { ...current.networks, [network]: checked.data },
  };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(temporary, path);
  return next;
}

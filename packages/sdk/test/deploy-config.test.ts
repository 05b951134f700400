import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ADMIN_CAP,
  ATTESTER_REGISTRY,
  adminCapId,
  attesterRegistryId,
  type DeployEntry,
  deployConfigPath,
  publishedObjectId,
  readDeployConfig,
  writeDeployConfig,
} from "../src/deploy-config.ts";

const hex = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
const entry = (n: number, extra: Partial<DeployEntry> = {}): DeployEntry => ({
  packageId: hex(n),
  upgradeCap: hex(n + 1),
  objects: {
    "verity::attester::AdminCap": hex(n + 2),
    "verity::attester::AttesterRegistry": hex(n + 3),
    "0x2::package::UpgradeCap": hex(n + 1),
  },
  digest: "4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi",
  publishedAtMs: 1_700_000_000_000 + n,
  ...extra,
});
const tempConfig = () =>
  join(mkdtempSync(join(tmpdir(), "verity-config-")), "nested", "verity.config.json");

describe("writeDeployConfig / readDeployConfig", () => {
  it("reads a missing file as a config with no networks", () => {
    expect(readDeployConfig(tempConfig())).toEqual({ networks: {} });
  });

  it("creates the file and keeps networks side by side", () => {
    const path = tempConfig();
    writeDeployConfig(
      path,
      "testnet",
      entry(1, {
        checkpoint: "123456",
        chainIdentifier: "4btiuiMPvEENsttpZC7CZ53DruC3MAgfznDbASZ7DR6S",
      }),
    );
    writeDeployConfig(path, "localnet", entry(10));
    const config = readDeployConfig(path);
    expect(Object.keys(config.networks)).toEqual(["testnet", "localnet"]);
    expect(config.networks.testnet).toEqual(
      entry(1, {
        checkpoint: "123456",
        chainIdentifier: "4btiuiMPvEENsttpZC7CZ53DruC3MAgfznDbASZ7DR6S",
      }),
    );
    expect(config.networks.localnet).toEqual(entry(10));
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(config);
  });

  it("replaces one network's entry and leaves the others and unknown keys alone", () => {
    const path = tempConfig();
    writeDeployConfig(path, "testnet", entry(1, { checkpoint: "5" }));
    writeDeployConfig(path, "devnet", entry(20));
    const onDisk = JSON.parse(readFileSync(path, "utf8"));
    writeFileSync(path, JSON.stringify({ ...onDisk, $comment: "kept" }));

    const written = writeDeployConfig(path, "testnet", entry(30));
    expect(written.networks.testnet).toEqual(entry(30));
    expect(written.networks.testnet).not.toHaveProperty("checkpoint");
    expect(written.networks.devnet).toEqual(entry(20));
    expect(readDeployConfig(path)).toEqual({
      $comment: "kept",
      networks: { testnet: entry(30), devnet: entry(20) },
    });
    expect(readdirSync(join(path, "..")).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("names the file and says it is not JSON, and refuses to overwrite it", () => {
    const path = tempConfig();
    writeDeployConfig(path, "testnet", entry(1));
    writeFileSync(path, "{ not json");
    expect(() => readDeployConfig(path)).toThrow(`${path} is not a valid Verity deploy config:`);
    expect(() => writeDeployConfig(path, "devnet", entry(2))).toThrow(
      `${path} is not a valid Verity deploy config`,
    );
    expect(readFileSync(path, "utf8")).toBe("{ not json");
  });

  it("points at the bad field of a file that does not match the schema", () => {
    const path = tempConfig();
    writeDeployConfig(path, "testnet", entry(1));
    const onDisk = JSON.parse(readFileSync(path, "utf8"));
    onDisk.networks.testnet.packageId = "0xNOPE";
    onDisk.networks.testnet.publishedAtMs = "yesterday";
    writeFileSync(path, JSON.stringify(onDisk));
    expect(() => readDeployConfig(path)).toThrow(
      /networks\.testnet\.packageId: expected 0x \+ 64 lowercase hex digits; networks\.testnet\.publishedAtMs: /,
    );
    writeFileSync(path, JSON.stringify({ deployments: {} }));
    expect(() => readDeployConfig(path)).toThrow("networks:");
  });

  it("refuses to write an invalid entry, and writes nothing", () => {
    const path = tempConfig();
    expect(() =>
      writeDeployConfig(path, "testnet", entry(1, { digest: "not base58 0OIl" })),
    ).toThrow("deployment for testnet is invalid: digest: expected a base58 digest");
    expect(() => writeDeployConfig(path, "testnet", entry(1, { checkpoint: "-1" }))).toThrow(
      "checkpoint: expected a decimal u64",
    );
    expect(existsSync(path)).toBe(false);
  });
});

describe("the objects the publish created", () => {
  it("gives the AdminCap and the shared AttesterRegistry, as recorded and read back", () => {
    const path = tempConfig();
    writeDeployConfig(path, "testnet", entry(1));
    const recorded = readDeployConfig(path).networks.testnet!;
    expect(adminCapId(recorded)).toBe(hex(3));
    expect(attesterRegistryId(recorded)).toBe(hex(4));
    expect(publishedObjectId(recorded, ADMIN_CAP)).toBe(hex(3));
    expect(publishedObjectId(recorded, ATTESTER_REGISTRY)).toBe(hex(4));
  });

  it("names the missing object of a deployment that recorded none", () => {
    const { [ATTESTER_REGISTRY]: _, ...objects } = entry(1).objects;
    expect(() => attesterRegistryId(entry(1, { objects }))).toThrow(
      `the deployment of ${hex(1)} records no verity::attester::AttesterRegistry`,
    );
  });
});

describe("deployConfigPath", () => {
  it("uses VERITY_CONFIG when set", () => {
    expect(deployConfigPath({ VERITY_CONFIG: "/somewhere/verity.json" })).toBe(
      "/somewhere/verity.json",
    );
  });

  it("defaults to verity.config.json in the working directory", () => {
    expect(deployConfigPath({})).toBe(join(process.cwd(), "verity.config.json"));
  });
});

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GrpcTypes } from "@mysten/sui/grpc";
import { Ed25519Keypair } from "@mysten/sui/keypairs/ed25519";
import { Transaction } from "@mysten/sui/transactions";
import { normalizeSuiAddress, toBase58, toBase64 } from "@mysten/sui/utils";
import { verifyTransactionSignature } from "@mysten/sui/verify";
import { resolveFramework } from "@verity/move-tools";
import { readDeployConfig, writeDeployConfig } from "@verity/sdk/deploy-config";
import { type GrpcWebServer, type Handler, startGrpcWebServer } from "@verity/test-scenarios";
import { closedPortUrl, skipWithoutFramework } from "@verity/testing";
import { afterAll, describe, expect, it } from "vitest";
import { type CliRun, runCli } from "./support/cli.ts";

const keypair = Ed25519Keypair.generate();
const sender = keypair.toSuiAddress();
const KEY_ENV = { VERITY_TEST_DEPLOY_KEY: keypair.getSecretKey() };
const CHAIN_ID = toBase58(new Uint8Array(32).fill(9));
const offline = skipWithoutFramework(
  resolveFramework().kind === "local",
  "the publish tests of deploy.test.ts",
);

/** Runs `verity deploy <args>` in a child process, with a throwaway config file. */
function deploy(
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun & { config: string }> {
  const config = join(mkdtempSync(join(tmpdir(), "verity-deploy-")), "verity.config.json");
  return runCli(["deploy", "--config", config, ...args], env).then((run) => ({ ...run, config }));
}

/** Asserts the run failed with exactly one stderr line, and returns it. */
function singleErrorLine(run: CliRun): string {
  expect(run.code, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(1);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

const id = (n: number) => normalizeSuiAddress(n.toString(16));
const PACKAGE = id(0xbeef);
const UPGRADE_CAP = id(0xca9);
const ADMIN_CAP = id(0xad);
const coin = (n: number, balance: bigint) => ({
  objectId: id(n),
  version: BigInt(n),
  digest: toBase58(new Uint8Array(32).fill(n)),
  objectType: "0x2::coin::Coin<0x2::sui::SUI>",
  balance,
});

const { ChangedObject_IdOperation: IdOperation, ChangedObject_OutputObjectState: Output } =
  GrpcTypes;

/** What the fake node saw of a publish it executed. */
interface Submitted {
  sender?: string | null;
  commands: string[];
  modules: number;
  gasBudget?: string | null;
  gasPrice?: string | null;
}

/** Handlers for a funded node that verifies the signature and reports `outcome` for the publish. */
function publishingNode(
  coins: ReturnType<typeof coin>[],
  outcome: "success" | "failure",
  submitted: Submitted[],
): Record<string, Handler> {
  return {
    "sui.rpc.v2.LedgerService/GetServiceInfo": () => ({ chainId: CHAIN_ID }),
    "sui.rpc.v2.LedgerService/GetEpoch": () => ({ epoch: { referenceGasPrice: 1000n } }),
    "sui.rpc.v2.StateService/ListOwnedObjects": (request) => {
      expect(request.owner).toBe(sender);
      return { objects: coins };
    },
    "sui.rpc.v2.TransactionExecutionService/ExecuteTransaction": async (request) => {
      const { transaction, signatures } = request as {
        transaction: { bcs: { value: Uint8Array } };
        signatures: { bcs: { value: Uint8Array } }[];
      };
      const bytes = transaction.bcs.value;
      const tx = Transaction.from(bytes);
      const data = tx.getData();
      await verifyTransactionSignature(
        bytes,
        toBase64(signatures[0]?.bcs.value ?? new Uint8Array()),
        { address: sender },
      );
      submitted.push({
        sender: data.sender,
        commands: data.commands.map((command) => command.$kind),
        modules: data.commands[0]?.Publish?.modules.length ?? 0,
        gasBudget: data.gasData.budget?.toString(),
        gasPrice: data.gasData.price?.toString(),
      });
      const digest = await tx.getDigest();
      if (outcome === "failure") {
        return {
          transaction: {
            digest,
            effects: { status: { success: false, error: { description: "InsufficientGas" } } },
          },
        };
      }
      const created = (
        objectId: string,
        objectType: string,
        outputState = Output.OBJECT_WRITE,
      ) => ({
        objectId,
        objectType,
        outputState,
        idOperation: IdOperation.CREATED,
      });
      return {
        transaction: {
          digest,
          effects: {
            status: { success: true },
            changedObjects: [
              {
                objectId: coins[0]?.objectId,
                objectType: coins[0]?.objectType,
                outputState: Output.OBJECT_WRITE,
                idOperation: IdOperation.NONE,
              },
              created(PACKAGE, "package", Output.PACKAGE_WRITE),
              created(UPGRADE_CAP, "0x2::package::UpgradeCap"),
              created(ADMIN_CAP, `${PACKAGE}::attester::AdminCap`),
            ],
          },
        },
      };
    },
    "sui.rpc.v2.LedgerService/GetTransaction": (request) => ({
      transaction: {
        digest: request.digest,
        checkpoint: 4242n,
        timestamp: { seconds: 1_700_000_000n, nanos: 5_000_000 },
        effects: { status: { success: true } },
      },
    }),
  };
}

describe.concurrent("verity deploy", () => {
  const nodes: GrpcWebServer[] = [];
  const fakeNode = async (handlers: Record<string, Handler>) => {
    const node = await startGrpcWebServer(handlers);
    nodes.push(node);
    return node;
  };
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.close()));
  });

  it("fails with one line naming the URL when the node is unreachable", async () => {
    const url = await closedPortUrl();
    const run = await deploy(["--network", url, "--key", "VERITY_TEST_DEPLOY_KEY"], KEY_ENV);
    expect(singleErrorLine(run)).toBe(
      `error: cannot reach the Sui full node at ${url} (ECONNREFUSED)`,
    );
    expect(existsSync(run.config)).toBe(false);
  });

  it("says the key's environment variable is missing, before contacting any node", async () => {
    const run = await deploy([
      "--network",
      await closedPortUrl(),
      "--key",
      "VERITY_TEST_NO_SUCH_KEY",
    ]);
    expect(singleErrorLine(run)).toBe(
      "error: environment variable VERITY_TEST_NO_SUCH_KEY is not set (and there is no keystore file named VERITY_TEST_NO_SUCH_KEY)",
    );
    expect(run.stdout).not.toContain("connecting");
  });

  it("refuses an invalid deploy config before contacting the node", async () => {
    const config = join(mkdtempSync(join(tmpdir(), "verity-config-")), "verity.config.json");
    writeFileSync(config, '{"networks": {"testnet": {"packageId": 7}}}');
    const run = await runCli(
      [
        "deploy",
        "--network",
        await closedPortUrl(),
        "--key",
        "VERITY_TEST_DEPLOY_KEY",
        "--config",
        config,
      ],
      KEY_ENV,
    );
    expect(singleErrorLine(run)).toMatch(
      new RegExp(
        `^error: ${config} is not a valid Verity deploy config: networks\\.testnet\\.packageId: `,
      ),
    );
  });

  it("rejects a malformed gas budget", async () => {
    const run = await deploy(
      ["--network", "testnet", "--key", "VERITY_TEST_DEPLOY_KEY", "--gas-budget", "0.5"],
      KEY_ENV,
    );
    expect(singleErrorLine(run)).toBe(
      "error: option '--gas-budget <mist>' argument '0.5' is invalid. expected a positive whole number of MIST",
    );
  });

  it("says the address needs SUI when it has no coins", async () => {
    const node = await fakeNode(publishingNode([], "success", []));
    const run = await deploy(["--network", node.url, "--key", "VERITY_TEST_DEPLOY_KEY"], KEY_ENV);
    expect(singleErrorLine(run)).toBe(
      `error: address ${sender} has no SUI coins on ${node.url}: it needs SUI (transfer SUI to it)`,
    );
    const methods = node.calls.map((call) => call.method);
    expect(methods).toContain("sui.rpc.v2.StateService/ListOwnedObjects");
    expect(methods).not.toContain("sui.rpc.v2.TransactionExecutionService/ExecuteTransaction");
  });

  it("says the address needs SUI when its coins are below the budget", async () => {
    const node = await fakeNode(
      publishingNode([coin(1, 60_000_000n), coin(2, 40_000_000n)], "success", []),
    );
    const run = await deploy(["--network", node.url, "--key", "VERITY_TEST_DEPLOY_KEY"], KEY_ENV);
    expect(singleErrorLine(run)).toBe(
      `error: address ${sender} has 0.1 SUI in coins, less than the gas budget of 0.5 SUI on ${node.url}: it needs SUI (transfer SUI to it)`,
    );
  });

  it.skipIf(offline)(
    "shows the effects' error when execution fails, and records nothing",
    async () => {
      const submitted: Submitted[] = [];
      const node = await fakeNode(publishingNode([coin(1, 10n ** 9n)], "failure", submitted));
      const run = await deploy(["--network", node.url, "--key", "VERITY_TEST_DEPLOY_KEY"], KEY_ENV);
      expect(singleErrorLine(run)).toMatch(
        /^error: publish transaction \w+ failed: InsufficientGas$/,
      );
      expect(submitted).toHaveLength(1);
      expect(existsSync(run.config)).toBe(false);
    },
  );

  it.skipIf(offline)(
    "compiles, signs, publishes and merges the result into the config",
    async () => {
      const submitted: Submitted[] = [];
      const node = await fakeNode(
        publishingNode(
          [coin(1, 3n * 10n ** 8n), coin(2, 4n * 10n ** 8n), coin(3, 5n)],
          "success",
          submitted,
        ),
      );
      const config = join(mkdtempSync(join(tmpdir(), "verity-config-")), "verity.config.json");
      const devnet = {
        packageId: id(1),
        upgradeCap: id(2),
        objects: {},
        digest: toBase58(new Uint8Array(32).fill(1)),
        publishedAtMs: 1,
      };
      writeDeployConfig(config, "devnet", devnet);

      const run = await runCli(
        [
          "deploy",
          "--network",
          `${node.url}/`,
          "--key",
          "VERITY_TEST_DEPLOY_KEY",
          "--gas-budget",
          "600000000",
        ],
        { ...KEY_ENV, VERITY_CONFIG: config },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain(`connecting to ${node.url}…`);
      expect(run.stdout).toContain("compiling verity…");
      expect(run.stdout).toMatch(
        new RegExp(`publishing \\d+ modules from ${sender} to ${node.url}, gas budget 0\\.6 SUI…`),
      );
      expect(run.stdout).toMatch(new RegExp(`published ${PACKAGE} in tx \\w+`));

      expect(submitted).toHaveLength(1);
      expect(submitted[0]).toMatchObject({
        sender,
        commands: ["Publish", "TransferObjects"],
        gasBudget: "600000000",
        gasPrice: "1000",
      });
      expect(submitted[0]?.modules).toBeGreaterThanOrEqual(5);

      const written = readDeployConfig(config);
      expect(written.networks.devnet).toEqual(devnet);
      expect(written.networks[node.url]).toEqual({
        packageId: PACKAGE,
        upgradeCap: UPGRADE_CAP,
        objects: {
          [`${normalizeSuiAddress("0x2")}::package::UpgradeCap`]: UPGRADE_CAP,
          "verity::attester::AdminCap": ADMIN_CAP,
        },
        digest: expect.stringMatching(/^\w{32,44}$/),
        checkpoint: "4242",
        publishedAtMs: 1_700_000_000_005,
        chainIdentifier: CHAIN_ID,
      });
      expect(run.stdout).toContain(
        `published ${PACKAGE} in tx ${written.networks[node.url]?.digest}`,
      );
      expect(JSON.parse(readFileSync(config, "utf8"))).toEqual(written);
    },
  );
});

import { Command, InvalidArgumentError, Option } from "commander";
import type { DeployOptions } from "./run/deploy.ts";

/** Gas budget when `--gas-budget` is not given: 0.5 SUI, in MIST (1 SUI = 10^9 MIST). */
const DEFAULT_GAS_BUDGET = 500_000_000n;

/**
 * `verity deploy --network <net> --key <keystore|ENV>`: compiles a Move package under `move/`
 * with the WASM compiler, publishes it from the key's address, and records the package id, the
 * `UpgradeCap` and the objects its `init` created in the deploy config file. Every failure
 * (missing key, unreachable node, unfunded address, failed execution) ends the command with one
 * `error: …` line and exit code 1.
 */
export function deployCommand(): Command {
  return new Command("deploy")
    .description(
      "Compile a Move package under move/, publish it to a Sui network, and record its ids in the deploy config",
    )
    .requiredOption(
      "--network <name|url>",
      "mainnet, testnet, devnet, localnet, or a full-node URL",
    )
    .requiredOption(
      "--key <file|env>",
      "a Sui keystore file (e.g. ~/.sui/sui_config/sui.keystore) or the name of an environment variable holding a suiprivkey1… key",
    )
    .option("--address <address>", "which keystore key to use (default: its first ed25519 key)")
    .option("--package <name>", "package folder under move/", "verity")
    .option(
      "--config <file>",
      "deploy config to update (default: $VERITY_CONFIG, else verity.config.json at the repo root)",
    )
    .addOption(
      new Option("--gas-budget <mist>", "gas budget in MIST (only the gas used is charged)")
        .argParser(parseMist)
        .default(DEFAULT_GAS_BUDGET, `${DEFAULT_GAS_BUDGET} = 0.5 SUI`),
    )
    .action(async (options: DeployOptions) => (await import("./run/deploy.ts")).deploy(options));
}

/** Parses a `--gas-budget` value: a positive whole number of MIST. */
function parseMist(value: string): bigint {
  if (!/^\d+$/.test(value) || BigInt(value) === 0n)
    throw new InvalidArgumentError("expected a positive whole number of MIST");
  return BigInt(value);
}

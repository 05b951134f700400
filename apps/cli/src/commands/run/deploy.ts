import type { Keypair } from "@mysten/sui/cryptography";
import { RpcError, type SuiGrpcClient } from "@mysten/sui/grpc";
import { MIST_PER_SUI } from "@mysten/sui/utils";
import {
  buildMovePackage,
  buildPublishTransaction,
  findMovePackages,
  type GasCoin,
  InsufficientGasError,
  loadKeypair,
  readPublishedObjects,
  resolveFramework,
  selectGasCoins,
} from "@verity/move-tools";
import {
  connectFullNode,
  NodeUnreachableError,
  resolveNetwork,
  type SuiNetwork,
} from "@verity/sdk";
import { deployConfigPath, readDeployConfig, writeDeployConfig } from "@verity/sdk/deploy-config";
import { MOVE_ROOT } from "../../paths.ts";

/** `verity deploy`'s options. */
export interface DeployOptions {
  network: string;
  key: string;
  address?: string;
  package: string;
  config?: string;
  gasBudget: bigint;
}

/** The deploy steps: key and config checks, node checks, compile, publish, record. */
export async function deploy(options: DeployOptions): Promise<void> {
  const network = resolveNetwork(options.network);
  const [pkg] = findMovePackages(MOVE_ROOT, options.package);
  if (!pkg) throw new Error(`no Move package ${options.package}`);
  const keypair = loadKeypair(options.key, { address: options.address });
  const sender = keypair.toSuiAddress();
  const configPath = options.config ?? deployConfigPath();
  readDeployConfig(configPath); // an invalid config must stop us before gas is spent

  const client = connectFullNode(network);
  try {
    console.log(`connecting to ${describeNetwork(network)}…`);
    const { chainIdentifier } = await client.core.getChainIdentifier();
    const { referenceGasPrice } = await client.core.getReferenceGasPrice();
    const gasPayment = await payGas(client, network, sender, options.gasBudget);

    console.log(`compiling ${pkg.name}…`);
    const compiled = await buildMovePackage(pkg.dir, resolveFramework());
    if (compiled.warnings) console.log(compiled.warnings);
    const bytes = await buildPublishTransaction({
      compiled,
      sender,
      gasPayment,
      gasPrice: BigInt(referenceGasPrice),
      gasBudget: options.gasBudget,
    });

    console.log(
      `publishing ${compiled.modules.length} modules from ${sender} to ${describeNetwork(network)}, gas budget ${formatSui(options.gasBudget)} SUI…`,
    );
    const { digest, published, checkpoint, timestampMs } = await publish(
      client,
      keypair,
      bytes,
      pkg.name,
    );
    console.log(`published ${published.packageId} in tx ${digest}`);
    for (const [type, id] of Object.entries(published.objects)) console.log(`  ${type}: ${id}`);

    writeDeployConfig(configPath, network.name, {
      packageId: published.packageId,
      upgradeCap: published.upgradeCap,
      objects: published.objects,
      digest,
      ...(checkpoint ? { checkpoint } : {}),
      publishedAtMs: timestampMs ?? Date.now(),
      chainIdentifier,
    });
    console.log(`recorded in ${configPath} under networks["${network.name}"]`);
  } catch (error) {
    throw explainNodeError(error, network);
  }
}

/**
 * Finds SUI coins of `owner` covering `budget`, reading pages of coins only until they do.
 * @throws Error saying the address needs SUI, and how to get some, when its coins fall short
 */
async function payGas(
  client: SuiGrpcClient,
  network: SuiNetwork,
  owner: string,
  budget: bigint,
): Promise<GasCoin[]> {
  const coins: GasCoin[] = [];
  let total = 0n;
  let cursor: string | null = null;
  do {
    const page = await client.core.listCoins({ owner, cursor });
    coins.push(...page.objects);
    total = page.objects.reduce((sum, coin) => sum + BigInt(coin.balance), total);
    cursor = page.hasNextPage ? page.cursor : null;
  } while (cursor && total < budget);
  try {
    return selectGasCoins(coins, budget);
  } catch (error) {
    if (!(error instanceof InsufficientGasError)) throw error;
    const has =
      error.available === 0n
        ? "has no SUI coins"
        : `has ${formatSui(error.available)} SUI in coins, less than the gas budget of ${formatSui(budget)} SUI`;
    throw new Error(
      `address ${owner} ${has} on ${network.name}: it needs SUI (${network.fundingHint})`,
    );
  }
}

/**
 * Signs and executes the publish transaction, reads what it created, then waits (best effort)
 * for the checkpoint that holds it.
 * @throws Error with the effects' error when execution failed
 */
async function publish(
  client: SuiGrpcClient,
  keypair: Keypair,
  bytes: Uint8Array,
  packageName: string,
) {
  const { signature } = await keypair.signTransaction(bytes);
  const result = await client.core.executeTransaction({
    transaction: bytes,
    signatures: [signature],
    include: { effects: true, objectTypes: true },
  });
  if (result.FailedTransaction) {
    const { digest, status } = result.FailedTransaction;
    throw new Error(
      `publish transaction ${digest} failed: ${status.error?.message ?? "unknown error"}`,
    );
  }
  const { digest, effects, objectTypes } = result.Transaction;
  const published = readPublishedObjects(effects.changedObjects, objectTypes, packageName);
  try {
    const final = await client.core.waitForTransaction({ result });
    const { checkpoint, timestampMs } = final.Transaction ?? final.FailedTransaction;
    return { digest, published, checkpoint, timestampMs };
  } catch (error) {
    console.warn(
      `warning: tx ${digest} is not in a checkpoint yet (${(error as Error).message}); recording it without one`,
    );
    return { digest, published, checkpoint: null, timestampMs: null };
  }
}

/** `testnet (https://fullnode.testnet.sui.io:443)`, or just the URL for a custom node. */
function describeNetwork(network: SuiNetwork): string {
  return network.name === network.url ? network.url : `${network.name} (${network.url})`;
}

/** Turns an error the full node answered with into one line naming the node; others pass through. */
function explainNodeError(error: unknown, network: SuiNetwork): unknown {
  if (error instanceof NodeUnreachableError || !(error instanceof RpcError)) return error;
  return new Error(`the Sui full node at ${network.url} answered ${error.code}: ${error.message}`);
}

/** Formats MIST as SUI with up to 9 decimals, e.g. `0.5`. */
function formatSui(mist: bigint): string {
  const fraction = (mist % MIST_PER_SUI).toString().padStart(9, "0").replace(/0+$/, "");
  return `${mist / MIST_PER_SUI}${fraction ? `.${fraction}` : ""}`;
}

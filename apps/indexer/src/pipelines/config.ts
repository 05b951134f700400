import { normalizeSuiAddress } from "@mysten/sui/utils";
import { walrusEvents } from "@verity/sdk";
import type { DeployConfig } from "@verity/sdk/deploy-config";
import type { PipelineName } from "./names.ts";
import type { Processor } from "./processor.ts";
import { provenanceProcessor } from "./provenance/processor.ts";
import { walrusProcessor } from "./walrus/processor.ts";

/** What decides which pipelines can run on a network, and with which package ids. */
export interface PipelineConfig {
  /** `mainnet`, `testnet`, `devnet`, `localnet`, or a full-node URL (as in the deploy config). */
  network: string;
  /** Pipelines asked for; default: every pipeline that can run on the network. */
  pipelines?: PipelineName[];
  /** `verity` package ids, overriding the deploy config's (0x-hex). */
  packageIds?: string[];
  /** The deploy config (`verity.config.json`), if any. */
  deployConfig?: DeployConfig;
}

/** The processors to run, and a line for each pipeline that cannot run and was not asked for. */
export interface ResolvedPipelines {
  processors: Processor[];
  skipped: string[];
}

/**
 * Builds the pipelines' processors for a network: `provenance` with the `verity` package id
 * from `packageIds` or the deploy config, `walrus` with Walrus's package id (known for mainnet
 * and testnet).
 *
 * @throws Error when a pipeline asked for by name cannot run on the network, saying why
 */
export function resolvePipelines({
  network,
  pipelines,
  packageIds,
  deployConfig,
}: PipelineConfig): ResolvedPipelines {
  const processors: Processor[] = [];
  const skipped: string[] = [];
  const unavailable = (name: PipelineName, why: string) => {
    if (pipelines?.includes(name))
      throw new Error(`cannot run the ${name} pipeline on ${network}: ${why}`);
    skipped.push(`${name} pipeline off: ${why}`);
  };
  const wanted = (name: PipelineName) => !pipelines || pipelines.includes(name);

  if (wanted("provenance")) {
    const ids = packageIds?.length
      ? packageIds
      : [deployConfig?.networks[network]?.packageId].filter((id) => id !== undefined);
    if (ids.length)
      processors.push(
        provenanceProcessor({ network, packageIds: ids.map((id) => normalizeSuiAddress(id)) }),
      );
    else
      unavailable(
        "provenance",
        `no verity package id for ${network} (run verity deploy, or pass --package-id)`,
      );
  }
  if (wanted("walrus")) {
    const walrus = (walrusEvents.WALRUS_PACKAGE_IDS as Record<string, string>)[network];
    if (walrus) processors.push(walrusProcessor({ network, packageId: walrus }));
    else
      unavailable(
        "walrus",
        `Walrus's package id is known for mainnet and testnet only, not ${network}`,
      );
  }
  if (processors.length === 0)
    throw new Error(`no pipeline can run on ${network}: ${skipped.join("; ")}`);
  return { processors, skipped };
}

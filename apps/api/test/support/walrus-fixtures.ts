/**
 * The real testnet checkpoints of `../shared/fixtures/sui-checkpoints/testnet` (8 Walrus blob
 * events, see its README), indexed the way `verity index --checkpoints` does: decoded by the
 * store source, turned into rows by the walrus processor, committed by the indexer (test
 * tooling).
 */
import { join } from "node:path";
import { type Checkpoint, DirectoryCheckpointSource } from "@verity/checkpoints";
import type { Database } from "@verity/db";
import { indexCheckpoints, walrusProcessor } from "@verity/indexer";
import { walrusEvents } from "@verity/sdk";
import { SUI_CHECKPOINTS } from "@verity/testing";

/** The directory of the testnet fixture checkpoints. */
export const TESTNET_CHECKPOINTS = join(SUI_CHECKPOINTS, "testnet");

/** The blob certified in checkpoint 248050771 and registered again under another object. */
export const TWICE_STORED_BLOB = "y4UaG1aueyEVCXTLTCHlN79YkmBRS4DnopK3yIiIDAI";

/** Indexes every testnet fixture checkpoint's Walrus events into `database`. */
export async function indexTestnetWalrus(database: Database): Promise<void> {
  const checkpoints: Checkpoint[] = [];
  for await (const c of new DirectoryCheckpointSource(TESTNET_CHECKPOINTS).stream(0n)) {
    checkpoints.push(c);
  }
  await indexCheckpoints(database.db, checkpoints, [
    walrusProcessor({ network: "testnet", packageId: walrusEvents.WALRUS_PACKAGE_IDS.testnet }),
  ]);
}

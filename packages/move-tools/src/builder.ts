import { initMovePackageBuilder } from "@zktx.io/sui-move-builder/full";

let ready: Promise<void> | undefined;

/**
 * Loads the WASM Sui compiler once per process; later calls share that load, and its failure
 * (size and load time: README, Measurements).
 */
export function initBuilder(): Promise<void> {
  ready ??= initMovePackageBuilder().then(() => undefined);
  return ready;
}

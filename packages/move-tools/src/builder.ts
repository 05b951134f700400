import { initMovePackageBuilder } from "@zktx.io/sui-move-builder/full";

let ready: Promise<void> | undefined;

/** Loads the WASM Sui compiler once per process (about 9 MB of WASM, ~100 ms). */
export function initBuilder(): Promise<void> {
  ready ??= initMovePackageBuilder().then(() => undefined);
  return ready;
}

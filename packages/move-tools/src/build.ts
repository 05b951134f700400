import { dumpMovePackage } from "@zktx.io/sui-move-builder/full";
import { initBuilder } from "./builder.ts";
import { type FrameworkSource, readMovePackage } from "./framework.ts";

/** Bytecode of a compiled package, ready for a publish command in a PTB. */
export interface CompiledPackage {
  /** base64 bytecode, one entry per module */
  modules: string[];
  /** hex object ids of the packages it links against (`0x1`, `0x2`, ...) */
  dependencies: string[];
  /** package digest, 32 bytes */
  digest: number[];
  /** compiler warnings, if any */
  warnings?: string;
}

/**
 * Compiles a Move package (without its tests) with the WASM Sui compiler.
 *
 * @param dir package directory holding `Move.toml` and `sources/`
 * @param framework where `std` and `sui` come from
 * @throws Error with the compiler's diagnostic when resolution or compilation fails
 */
export async function buildMovePackage(
  dir: string,
  framework: FrameworkSource,
): Promise<CompiledPackage> {
  await initBuilder();
  const files = readMovePackage(dir, false);
  const result = await dumpMovePackage({ files, fetcher: framework.fetcher, network: "testnet" });
  if ("error" in result) {
    const hint =
      result.category === "dependency_resolution" && framework.kind === "github"
        ? "\nThe Sui framework comes from GitHub by default; offline, set SUI_FRAMEWORK_DIR (see DEVELOPERS.md)."
        : "";
    throw new Error(`${result.category}: ${result.error}${hint}`);
  }
  return {
    modules: result.modules,
    dependencies: result.dependencies,
    digest: result.digest,
    ...(result.warnings ? { warnings: result.warnings } : {}),
  };
}

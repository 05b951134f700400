/**
 * How every package builds for publishing (tsdown): ESM for Node with `.d.ts` types, `dist`
 * mirroring `src` module for module (so files read beside a module, such as the explorer's, sit
 * beside it in `dist` too), each `exports` entry of package.json built from its `src` module. In
 * the workspace the packages resolve to their sources (`exports`); packed, to `dist`
 * (`publishConfig.exports`, which tsdown writes from the entries). Dependencies stay imports.
 */
import { defineConfig, type UserConfig } from "tsdown";

/** The build of one package whose public modules are `entry` (name -> source path). */
export function packageBuild(entry: Record<string, string>, extra: UserConfig = {}) {
  const copy = Array.isArray(extra.copy) ? extra.copy : [];
  return defineConfig({
    entry,
    format: "esm",
    platform: "node",
    target: "node20.19",
    dts: true,
    sourcemap: true,
    clean: true,
    unbundle: true,
    exports: { devExports: true },
    ...extra,
    // npm ships a package's LICENSE from its own folder only (git-ignored there).
    copy: [{ from: "../../LICENSE", to: "." }, ...copy],
  });
}

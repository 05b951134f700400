/**
 * `/assets/verify.js`: the proof verifier of `@verity/checkpoints/browser` (`committeeFromBcs`,
 * `proofBundleFromJson`, `verifyProofBundle`, `PROOF_STEPS`) with its dependencies
 * (`@mysten/bcs`, `@noble/curves`, `@noble/hashes`, `zod`) as one minified ES module for
 * browsers, which the explorer's worker (`verify-worker.js`) imports. esbuild bundles it on the
 * first request and the API keeps it in memory: from the sources in the workspace, from `dist`
 * when installed (the README says why).
 */
import { createRequire } from "node:module";
import { build } from "esbuild";
import { type LazyAsset, lazyAsset, textAsset } from "../assets.ts";

/** The package entry point bundled: the verifier and nothing that needs Node. */
const ENTRY = "@verity/checkpoints/browser";

/**
 * The verifier bundled for browsers (ES2022, minified, licence comments kept at the end), as
 * JavaScript text.
 *
 * @throws esbuild's error when the entry or one of its imports cannot be resolved, or pulls in a
 *   Node module
 */
export async function bundleVerifier(): Promise<string> {
  const result = await build({
    entryPoints: [createRequire(import.meta.url).resolve(ENTRY)],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error(`esbuild gave no output for ${ENTRY}`);
  return bundle.text;
}

/** `/assets/verify.js`, bundled on its first request and kept. */
export const verifierAsset: LazyAsset = lazyAsset(async () =>
  textAsset("verify.js", await bundleVerifier()),
);

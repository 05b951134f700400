import { defineConfig } from "vitest/config";

// CLI tests spawn the CLI (tsx start-up ~1-3 s) and some compile Move with the WASM compiler,
// which takes far longer while the other packages' suites share the machine's cores.
export default defineConfig({
  test: { globalSetup: "@verity/testing/postgres-server", testTimeout: 120_000 },
});

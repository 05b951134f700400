import { defineConfig } from "vitest/config";

// Integration cases start PGlite (a few seconds) or child processes.
export default defineConfig({
  test: {
    globalSetup: "@verity/testing/postgres-server",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

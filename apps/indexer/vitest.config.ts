import { defineConfig } from "vitest/config";

// Integration cases start PGlite (a few seconds) or child processes.
export default defineConfig({
  test: {
    globalSetup: "../../packages/db/test/support/postgres-server.ts",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

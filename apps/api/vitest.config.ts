import { defineConfig } from "vitest/config";

// Cases start PostgreSQL databases and HTTP servers on loopback.
export default defineConfig({
  test: {
    globalSetup: "@verity/testing/postgres-server",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

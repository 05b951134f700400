import { defineConfig } from "vitest/config";

// Cases run the demo (Walrus blob ids take about a second each), start PostgreSQL databases,
// HTTP servers on loopback and headless Chromium.
export default defineConfig({
  test: {
    globalSetup: "../../packages/db/test/support/postgres-server.ts",
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

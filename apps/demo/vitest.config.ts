import { defineConfig } from "vitest/config";

// Cases run the demo (Walrus blob ids take about a second each), start PostgreSQL databases,
// HTTP servers on loopback and headless Chromium.
export default defineConfig({
  test: {
    globalSetup: "@verity/testing/postgres-server",
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

import { defineConfig } from "vitest/config";

// Every file runs its cases on a fresh PostgreSQL database and on in-memory PGlite; starting
// PGlite takes a few seconds, and the chunking cases insert tens of thousands of rows.
export default defineConfig({
  test: {
    globalSetup: "@verity/testing/postgres-server",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

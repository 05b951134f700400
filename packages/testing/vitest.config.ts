import { defineConfig } from "vitest/config";

// The embedded PostgreSQL case copies and starts a real server (several seconds).
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });

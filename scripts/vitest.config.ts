import { defineConfig } from "vitest/config";

// dependency-cruiser reads and resolves every module of the repository (several seconds).
export default defineConfig({ test: { testTimeout: 120_000 } });

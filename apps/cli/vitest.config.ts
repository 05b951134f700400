import { defineConfig } from "vitest/config";

// Deploy tests spawn the CLI (tsx start-up ~1-3 s each, some compile Move with the WASM compiler).
export default defineConfig({ test: { testTimeout: 30_000 } });

import { defineConfig } from "vitest/config";

// Each case compiles Move with the WASM compiler (1-3 s, up to ~15 s for a golden capture).
export default defineConfig({ test: { testTimeout: 120_000 } });

export { buildMovePackage, type CompiledPackage } from "./build.ts";
export { type FrameworkSource, LocalFrameworkFetcher, readMovePackage, resolveFramework } from "./framework.ts";
export { findMovePackages } from "./packages.ts";
export { type MoveTestResult, parseTestSummary, runMoveTests } from "./test-runner.ts";

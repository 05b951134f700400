export { buildMovePackage, type CompiledPackage } from "./build.ts";
export { captureByteVectors, FrameworkUnavailableError } from "./capture.ts";
export {
  type FrameworkSource,
  LocalFrameworkFetcher,
  readMovePackage,
  resolveFramework,
  SHARED_FRAMEWORK_DIR,
} from "./framework.ts";
export { type GasCoin, InsufficientGasError, MAX_GAS_COINS, selectGasCoins } from "./gas.ts";
export { keypairFromKeystore, keypairFromSuiPrivateKey, loadKeypair } from "./keys.ts";
export { findMovePackages } from "./packages.ts";
export {
  buildPublishTransaction,
  type ObjectRef,
  type PublishTransactionInput,
} from "./publish.ts";
export { type PublishedObjects, readPublishedObjects } from "./publish-effects.ts";
export { type MoveTestResult, parseTestSummary, runMoveTests } from "./test-runner.ts";

/**
 * `@verity/demo`: `verity demo`, a complete provenance story made offline from a real dataset
 * (Palmer penguins, as the `vega-datasets` npm package ships it) and recorded on a simulated
 * Sui chain whose checkpoint files go through the indexer's normal path into a database. The
 * simulated chain (`SimulatedChain`) and its checkpoint files (`encodeCheckpoints`) are exported
 * for tests that need real `.chk` files holding Verity events.
 */
export { SimulatedChain } from "./chain.ts";
export { encodeCheckpoints } from "./checkpoints.ts";
export { type Content, contentOf } from "./content.ts";
export { DEMO_PACKAGE_ID, participants } from "./participants.ts";
export { formatReport } from "./report.ts";
export {
  DEFAULT_DEMO_DIR,
  DEMO_NETWORK,
  type DemoOptions,
  type DemoRun,
  demoPaths,
  makeDemo,
  runDemo,
} from "./run.ts";
export type { Story } from "./story.ts";

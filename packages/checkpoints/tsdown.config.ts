import { packageBuild } from "../../tsdown.base.ts";

// `./browser`: the proof verifier alone, with no module that needs Node (bundled for browsers).
export default packageBuild({ index: "src/index.ts", browser: "src/browser.ts" });

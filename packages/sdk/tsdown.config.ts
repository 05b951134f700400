import { packageBuild } from "../../tsdown.base.ts";

export default packageBuild({
  index: "src/index.ts",
  "deploy-config": "src/deploy-config.ts",
  walrus: "src/walrus/blob-id.ts",
});

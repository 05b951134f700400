import { packageBuild } from "../../tsdown.base.ts";

// `./pipelines`: the pipeline names alone, for command lines that must start fast.
export default packageBuild({ index: "src/index.ts", pipelines: "src/pipelines/names.ts" });

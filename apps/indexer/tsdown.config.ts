import { packageBuild } from "../../tsdown.base.ts";

// `./pipelines`: the pipeline names alone, for command lines that must start fast.
// `certificates/worker`: the certificate-verifying thread's module, loaded by path, not exported.
export default packageBuild(
  {
    index: "src/index.ts",
    pipelines: "src/pipelines/names.ts",
    "certificates/worker": "src/certificates/worker.ts",
  },
  { exports: { devExports: true, exclude: ["certificates/worker"] } },
);

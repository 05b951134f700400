import { packageBuild } from "../../tsdown.base.ts";

// `./pipelines`: the pipeline names alone, for command lines that must start fast.
// `certificates/worker`, `decoding/worker`: the certificate-verifying and the decoding threads'
// modules, loaded by path, not exported.
export default packageBuild(
  {
    index: "src/index.ts",
    pipelines: "src/pipelines/names.ts",
    "certificates/worker": "src/certificates/worker.ts",
    "decoding/worker": "src/decoding/worker.ts",
  },
  { exports: { devExports: true, exclude: ["certificates/worker", "decoding/worker"] } },
);

import { packageBuild } from "../../tsdown.base.ts";

// A bin, not a library: no exports to write.
export default packageBuild({ main: "src/main.ts" }, { exports: false, dts: false });

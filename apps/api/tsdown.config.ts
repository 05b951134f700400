import { packageBuild } from "../../tsdown.base.ts";

// The explorer's and the docs page's own files are read beside their modules.
export default packageBuild(
  { index: "src/index.ts" },
  {
    copy: [
      { from: "src/explorer/*.{html,css,js}", to: "dist/explorer" },
      { from: "src/docs/*.{html,js}", to: "dist/docs" },
    ],
  },
);

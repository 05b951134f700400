export { bundledChromium, type ChromiumBuild } from "./bundled-chromium.ts";
export { chromiumBuild, launchChromium } from "./chromium.ts";
export {
  type Cy,
  type CyElements,
  type CyList,
  type CyNode,
  drawn,
  type ExplorerBrowser,
  isPng,
  openExplorerBrowser,
  type PageGlobals,
  screenshot,
} from "./explorer.ts";

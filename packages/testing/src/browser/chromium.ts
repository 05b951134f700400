/**
 * Headless Chromium for end-to-end tests, driven by `playwright-core` (test tooling).
 *
 * The browser is `VERITY_CHROMIUM` (a path to a Chromium or Chrome executable) when set, else
 * the Chromium the npm package `@sparticuz/chromium` ships ({@link bundledChromium}): the
 * tests need no browser on the machine and no network.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { bundledChromium, type ChromiumBuild } from "./bundled-chromium.ts";

/**
 * Flags for a headless run as root on a machine with no network but loopback: no sandbox,
 * no GPU, and none of Chromium's own background connections (each refused one is noise).
 */
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The Chromium the tests drive (see the module comment for the choice). Throws one line when
 * `VERITY_CHROMIUM` names a missing file, or as {@link bundledChromium} does.
 */
export async function chromiumBuild(): Promise<ChromiumBuild> {
  const configured = process.env.VERITY_CHROMIUM;
  if (configured === undefined) return bundledChromium();
  if (!existsSync(configured)) throw new Error(`VERITY_CHROMIUM=${configured}: no such file`);
  return { executablePath: configured, env: {} };
}

/**
 * Launches headless Chromium ({@link chromiumBuild}) with a fresh temporary profile of its own;
 * close it with `browser.close()`. Throws as {@link chromiumBuild} does, or when the browser does
 * not start.
 */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = await chromiumBuild();
  return chromium.launch({ executablePath, env: { ...process.env, ...env }, args: LAUNCH_ARGS });
}

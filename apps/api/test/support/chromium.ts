/**
 * Headless Chromium for end-to-end tests, driven by `playwright-core` (test tooling).
 *
 * The browser is, in order: `VERITY_CHROMIUM` (a path to a Chromium or Chrome executable);
 * Debian's `/usr/bin/chromium` or a `chromium` on PATH; Playwright's own Chromium
 * (`~/.cache/ms-playwright`), downloaded with `playwright-core install` when it is not there yet.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { type Browser, chromium } from "playwright-core";

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

/** Debian's Chromium, then every `chromium` on PATH. */
function systemChromium(): string | undefined {
  const onPath = (process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "chromium"));
  return ["/usr/bin/chromium", ...onPath].find((path) => existsSync(path));
}

/** Downloads Playwright's Chromium (no headless shell: we launch the full browser). */
function installPlaywrightChromium(): void {
  const cli = join(
    dirname(createRequire(import.meta.url).resolve("playwright-core/package.json")),
    "cli.js",
  );
  const run = spawnSync(process.execPath, [cli, "install", "--no-shell", "chromium"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) {
    const why = run.error?.message ?? `exit ${run.status ?? run.signal}, its output is above`;
    throw new Error(
      "no Chromium: set VERITY_CHROMIUM, install Debian's chromium, or let " +
        `\`playwright-core install chromium\` download one (it failed: ${why})`,
    );
  }
}

/**
 * The path of the Chromium executable the tests drive (see the module comment for the order).
 * May download Playwright's Chromium (~150 MB, needs internet) as a last resort.
 * Throws one line when `VERITY_CHROMIUM` names a missing file or no browser can be had.
 */
export function chromiumExecutable(): string {
  const configured = process.env.VERITY_CHROMIUM;
  if (configured !== undefined) {
    if (!existsSync(configured)) throw new Error(`VERITY_CHROMIUM=${configured}: no such file`);
    return configured;
  }
  const system = systemChromium();
  if (system) return system;
  const managed = chromium.executablePath();
  if (!existsSync(managed)) installPlaywrightChromium();
  if (!existsSync(managed)) throw new Error(`playwright-core installed no Chromium at ${managed}`);
  return managed;
}

/**
 * Launches headless Chromium ({@link chromiumExecutable}) with a fresh temporary profile of its
 * own; close it with `browser.close()`. Throws as {@link chromiumExecutable} does, or when the
 * browser does not start.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: LAUNCH_ARGS });
}

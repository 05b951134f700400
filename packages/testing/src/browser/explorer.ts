/**
 * The explorer page in headless Chromium (`chromium.ts`) for end-to-end tests: a page that
 * records its script errors, what the page exposes, and screenshots (test tooling).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium.ts";

/** What the page exposes (`window.cy`), as far as the tests read it. */
export interface CyNode {
  id(): string;
  data(key: string): unknown;
  classes(): string[];
}
/** A collection of the page's elements, as far as the tests read it. */
export type CyElements = CyNode & {
  emit(event: string): void;
  length: number;
  style(property: string): string;
};
/** Some of the page's elements, as far as the tests map over them. */
export interface CyList {
  length: number;
  map<T>(f: (n: CyNode) => T): T[];
}
/** The page's Cytoscape instance, as far as the tests read it. */
export type Cy = { nodes(): CyList; elements(): CyList } & {
  $id(id: string): CyElements;
  /** the elements matching a Cytoscape selector */
  $(selector: string): CyElements;
};
/** The page's globals; the project compiles without the DOM library, so typed by hand. */
export interface PageGlobals {
  cy?: Cy;
  pwned?: number;
  document: { body: { dataset: Record<string, string | undefined> } };
}

/** A browser with one explorer-sized page, and where its screenshots go. */
export interface ExplorerBrowser {
  browser: Browser;
  page: Page;
  /** `pageerror`s and console errors, in order, each one line */
  errors: string[];
  /** a fresh temporary directory for screenshots, removed by `close` */
  shots: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with one page of `viewport` CSS pixels (default 1280 × 900) that records
 * its errors. Throws as `launchChromium` does.
 */
export async function openExplorerBrowser(
  viewport = { width: 1280, height: 900 },
): Promise<ExplorerBrowser> {
  const shots = await mkdtemp(join(tmpdir(), "verity-explorer-"));
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return {
    browser,
    page,
    errors,
    shots,
    async close() {
      await browser.close();
      await rm(shots, { recursive: true, force: true });
    },
  };
}

/** Waits (up to 30 s) until `page` has drawn the lineage of `start`. */
export const drawn = (page: Page, start: string) =>
  page.waitForFunction(
    (s) => {
      const g = globalThis as unknown as PageGlobals;
      return g.document.body.dataset.loaded === s && (g.cy?.nodes().length ?? 0) > 0;
    },
    start,
    { timeout: 30_000 },
  );

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether `bytes` start with the PNG signature and hold more than it. */
export const isPng = (bytes: Buffer) =>
  bytes.length > PNG_SIGNATURE.length && bytes.subarray(0, 8).equals(PNG_SIGNATURE);

/** Screenshots the whole page into `<shots>/<name>.png`; returns the file's bytes. */
export async function screenshot(explorer: ExplorerBrowser, name: string): Promise<Buffer> {
  const file = join(explorer.shots, `${name}.png`);
  await explorer.page.screenshot({ path: file, fullPage: true });
  return readFile(file);
}

/**
 * The docs UI at `/docs` with no network: the page loads Swagger UI only from the API itself
 * (the `swagger-ui-dist` files it serves), checked over real HTTP and in headless Chromium
 * (`support/chromium.ts`) with every request off the page's own origin refused, under a strict
 * Content-Security-Policy that the page never violates.
 */

import { launchChromium } from "@verity/testing/browser";
import { parse } from "node-html-parser";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./support/api.ts";

let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  api = await startTestApi();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** The page's script and stylesheet URLs, as written in its HTML. */
async function pageAssets() {
  const response = await api.get("/docs");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html).not.toMatch(/https?:\/\//); // no CDN, nor any other host
  const page = parse(html);
  return {
    inline: page.querySelectorAll("script:not([src]), style, [style]").length,
    scripts: page.querySelectorAll("script[src]").map((tag) => tag.getAttribute("src") ?? ""),
    styles: page
      .querySelectorAll('link[rel="stylesheet"]')
      .map((tag) => tag.getAttribute("href") ?? ""),
  };
}

/** Whether `ref` is a relative or root-absolute URL (no scheme, no `//host`). */
const isLocal = (ref: string) => ref !== "" && !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(ref);

describe("/docs over HTTP", () => {
  it("references only scripts and stylesheets of its own origin", async () => {
    const { scripts, styles } = await pageAssets();
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    for (const ref of [...scripts, ...styles]) expect(ref, ref).toSatisfy(isLocal);
  });

  it("has a strict Content-Security-Policy and nothing inline that it would block", async () => {
    const response = await api.get("/docs");
    const csp = response.headers.get("content-security-policy") ?? "";
    const directives = new Map(
      csp.split(";").map((directive) => {
        const [name = "", ...sources] = directive.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("style-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect((await pageAssets()).inline).toBe(0);
  });

  it("serves each of them with its content type, a real body and an ETag", async () => {
    const { scripts, styles } = await pageAssets();
    const docs = new URL("/docs", api.url);
    const kinds = [
      ...scripts.map((ref) => ({ ref, type: /^text\/javascript/, marker: "SwaggerUIBundle" })),
      ...styles.map((ref) => ({ ref, type: /^text\/css/, marker: ".swagger-ui" })),
    ];
    expect(kinds.map(({ ref }) => ref)).toContain("/docs/swagger-initializer.js");
    for (const { ref, type, marker } of kinds) {
      const url = new URL(ref, docs);
      const response = await fetch(url);
      expect(response.status, ref).toBe(200);
      expect(response.headers.get("content-type"), ref).toMatch(type);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const body = await response.text();
      expect(body, ref).toContain(marker);
      const etag = response.headers.get("etag");
      expect(etag, ref).toMatch(/^"[^"]+"$/);
      const again = await fetch(url, { headers: { "if-none-match": etag ?? "" } });
      expect(again.status, ref).toBe(304);
      expect(await again.text()).toBe("");
    }
  });

  it("answers 404 problem+json for a file it does not serve", async () => {
    const response = await api.get("/docs/swagger-ui-dist/package.json");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("/docs in headless Chromium with no network", () => {
  it("renders and runs the API's operations from its own files, within its CSP", async () => {
    const origin = new URL(api.url).origin;
    const page = await browser.newPage();
    const refused: string[] = [];
    const errors: string[] = [];
    const violations: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text()); // Chromium logs each violation
    });
    await page.exposeFunction("reportViolation", (violation: string) => violations.push(violation));
    await page.addInitScript(() => {
      // The page's globals, typed here: the tests compile without DOM types.
      type Violation = { effectiveDirective: string; blockedURI: string }; // SecurityPolicyViolationEvent
      const window = globalThis as unknown as {
        document: { addEventListener(type: string, listener: (event: Violation) => void): void };
        reportViolation(violation: string): void;
      };
      window.document.addEventListener("securitypolicyviolation", (event) =>
        window.reportViolation(
          `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`,
        ),
      );
    });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      refused.push(url); // as on a machine with no network
      return route.abort("internetdisconnected");
    });
    try {
      const response = await page.goto(`${api.url}/docs`); // resolves once its files loaded
      expect(response?.headers()["content-security-policy"] ?? "").toContain("script-src 'self'");
      expect(refused).toEqual([]);
      await page.getByRole("heading", { name: /Verity API/ }).waitFor({ timeout: 30_000 });
      await page
        .getByText("/v1/lineage/{id}", { exact: true })
        .first()
        .waitFor({ timeout: 30_000 });
      expect(await page.locator(".swagger-ui .opblock").count()).toBeGreaterThan(5);

      // Try it out: GET /v1/status from the page (connect-src 'self'), its JSON highlighted.
      const status = page.locator(".opblock-get").filter({
        has: page.getByText("/v1/status", { exact: true }),
      });
      await status.locator(".opblock-summary").click();
      await status.getByRole("button", { name: "Try it out" }).click();
      await status.getByRole("button", { name: "Execute" }).click();
      const live = status.locator(".live-responses-table tbody .response-col_status");
      await expect.poll(() => live.first().textContent(), { timeout: 30_000 }).toContain("200");
      expect(await status.locator(".live-responses-table").textContent()).toContain("pipelines");

      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      expect(refused).toEqual([]); // nor anything Swagger UI fetched since
    } finally {
      await page.close();
    }
  });
});

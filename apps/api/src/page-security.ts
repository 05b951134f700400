/**
 * The security headers of the API's HTML pages (the graph explorer at `/`, Swagger UI at
 * `/docs`): a Content-Security-Policy under which a page runs only script files of its own
 * origin (no inline script, no `eval`), fetches only from its own origin and cannot be framed,
 * and `Referrer-Policy: no-referrer`. Each page's headers are fixed when its module loads.
 */
import type { Asset } from "./assets.ts";

/** What one page needs beyond the common policy. */
export interface PagePolicy {
  /**
   * Allow inline stylesheets (`<style>`, `style="..."`: `style-src 'unsafe-inline'`), for a
   * library that injects one (Cytoscape.js does). Default: only the origin's stylesheet files.
   * Styles a script sets through the DOM (`element.style`) need no allowance.
   */
  inlineStyles?: boolean;
}

/** The `content-security-policy` header value for `policy`. */
function contentSecurityPolicy({ inlineStyles = false }: PagePolicy): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self'${inlineStyles ? " 'unsafe-inline'" : ""}`,
    "connect-src 'self'",
    "img-src 'self' data:", // data: for the stylesheets' inline SVG icons and the empty favicon
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** `page` (an HTML {@link Asset}) with the security headers above added to its own. */
export const securePage = (page: Asset, policy: PagePolicy = {}): Asset => ({
  ...page,
  headers: {
    ...page.headers,
    "content-security-policy": contentSecurityPolicy(policy),
    "referrer-policy": "no-referrer",
  },
});

/**
 * The security headers of the API's HTML pages (the graph explorer at `/`, Swagger UI at
 * `/docs`): a Content-Security-Policy under which a page runs only script files and stylesheets
 * of its own origin (no inline script or style, no `eval`), fetches only from its own origin and
 * cannot be framed, and `Referrer-Policy: no-referrer`. Each page's headers are fixed when its
 * module loads.
 */
import type { Asset } from "./assets.ts";

/** The `content-security-policy` header value: scripts, styles and fetches of the origin only. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'", // no inline <style> or style="": styles set through the DOM need none
  "connect-src 'self'",
  "img-src 'self' data:", // data: for the stylesheets' inline SVG icons and the empty favicon
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** `page` (an HTML {@link Asset}) with the security headers above added to its own. */
export const securePage = (page: Asset): Asset => ({
  ...page,
  headers: {
    ...page.headers,
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "referrer-policy": "no-referrer",
  },
});

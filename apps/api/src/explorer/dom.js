// DOM and fetch helpers shared by the explorer's modules. Every piece of data goes into the
// DOM through `textContent` or DOM properties, never as HTML.

/** An element with text content (never HTML) and optional properties. */
export function h(tag, text, props = {}) {
  const el = document.createElement(tag);
  if (text !== undefined && text !== null) el.textContent = String(text);
  Object.assign(el, props);
  return el;
}

/** A long id cut to its first 8 and last 4 characters. */
export const short = (id) => (id.length > 14 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);

/** Appends a `<dt>term</dt><dd>value</dd>` pair to `dl`; `value` is a Node or text. */
export function row(dl, term, value) {
  const dd = h("dd");
  if (value instanceof Node) dd.append(value);
  else dd.textContent = String(value);
  dl.append(h("dt", term), dd);
}

/**
 * The JSON body of a same-origin GET of `path`.
 *
 * @throws Error with the problem's `detail` (or the HTTP status) when the answer is not 2xx
 */
export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body?.detail ?? body?.title ?? `${response.status} ${response.statusText}`);
  }
  return body;
}

/** The Sui network the API indexes (for explorer links), or null when it does not say. */
export const network = getJson("/v1/status")
  .then((s) => s.network ?? null)
  .catch(() => null);

/**
 * The transaction digest `digest` as code, linked to Suiscan when the network is known;
 * `label` (default: the whole digest) is the text shown.
 */
export async function txLink(digest, label = digest) {
  const code = h("code", label, { title: digest });
  const net = await network;
  if (!net) return code;
  const link = h("a", undefined, {
    href: `https://suiscan.xyz/${encodeURIComponent(net)}/tx/${encodeURIComponent(digest)}`,
    target: "_blank",
    rel: "noopener noreferrer",
  });
  link.append(code);
  return link;
}

/**
 * A "Copy" button that puts `text` on the clipboard and says so on itself; `what` names the
 * text for screen readers ("blob id").
 */
export function copyButton(text, what) {
  const button = h("button", "Copy", { type: "button", className: "copy", title: `Copy ${text}` });
  button.setAttribute("aria-label", `Copy ${what} ${text}`);
  button.addEventListener("click", async (event) => {
    event.stopPropagation();
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Copy failed";
    }
    setTimeout(() => {
      button.textContent = "Copy";
    }, 1500);
  });
  return button;
}

// The Verity graph explorer: search, then draw a node's lineage with Cytoscape.js (loaded
// before this module as `window.cytoscape`; style and layout in `graph.js`); browse the
// indexed Walrus blobs (`walrus.js`); a node's signed or claimed provenance (`trust.js`); the
// proof of every node and edge, checked in the browser against a pinned committee (`anchor.js`,
// `proofs.js`); an audit of a node's upstream (`audit.js`). Every piece of data goes into the DOM
// through `textContent` or DOM properties, never as HTML.
import { committeeAnchor } from "./anchor.js";
import { auditView } from "./audit.js";
import { getJson, h, row, short, txLink } from "./dom.js";
import { edgeClasses, edgeLabels, LAYOUT, STYLE } from "./graph.js";
import { describeCommittee, proofView } from "./proofs.js";
import { edgeTrust, hasTrustFacts, trustFacts } from "./trust.js";
import { blobFacts, blobList } from "./walrus.js";

const DEPTH = 4;
const $ = (id) => document.getElementById(id);
const els = {
  form: $("search"),
  q: $("q"),
  status: $("status"),
  results: $("results"),
  cy: $("cy"),
  nodes: $("nodes"),
  title: $("panel-title"),
  hint: document.querySelector("#panel .hint"),
  fields: $("fields"),
  trust: $("trust"),
  walrus: $("walrus-facts"),
  event: $("event"),
  explore: $("explore"),
  audit: $("audit"),
};

const setStatus = (text) => {
  els.status.textContent = text;
};

// ---- search

els.form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const q = els.q.value.trim();
  if (!q) return;
  els.results.replaceChildren();
  setStatus(`Searching for “${q}”…`);
  try {
    const { results } = await getJson(`/v1/search?q=${encodeURIComponent(q)}`);
    setStatus(results.length ? `${results.length} result(s)` : `Nothing matches “${q}”`);
    for (const r of results) {
      const button = h("button", undefined, { type: "button" });
      button.append(h("span", r.kind, { className: `kind kind-${r.kind}` }), " ");
      button.append(h("span", r.name ?? short(r.id), { className: "name" }));
      if (r.name) button.append(" ", h("code", short(r.id)));
      button.title = r.id;
      button.addEventListener("click", () => show(r.id));
      const li = h("li");
      li.dataset.kind = r.kind;
      li.dataset.id = r.id;
      li.append(button);
      els.results.append(li);
    }
  } catch (error) {
    setStatus(`Search failed: ${error.message}`);
  }
});

// ---- graph

let cy = null;
let current = null;

/** Loads `id`'s lineage (both directions) and draws it; records it in the URL. */
async function show(id, { push = true } = {}) {
  if (push) {
    const url = new URL(location.href);
    url.searchParams.set("id", id);
    history.pushState({ id }, "", url);
  }
  current = id;
  blobs.mark(id);
  document.body.dataset.state = "loading";
  setStatus(`Loading the lineage of ${short(id)}…`);
  let lineage;
  try {
    const path = `/v1/lineage/${encodeURIComponent(id)}?direction=both&depth=${DEPTH}&proofs=inline`;
    lineage = await getJson(path);
  } catch (error) {
    if (current !== id) return;
    document.body.dataset.state = "error";
    setStatus(`Could not load ${short(id)}: ${error.message}`);
    return;
  }
  if (current !== id) return; // a newer request won
  draw(id, lineage);
  setStatus(
    `${lineage.nodes.length} nodes, ${lineage.edges.length} edges around ${short(id)}` +
      (lineage.truncated ? " (truncated: the graph is larger than shown)" : ""),
  );
  document.body.dataset.loaded = id;
  document.body.dataset.state = "ready";
}

function draw(rootId, lineage) {
  const nodes = lineage.nodes.map((n) => {
    const name = n.label ?? `${n.subkind ?? n.kind} ${short(n.id)}`;
    return { group: "nodes", data: { ...n, name, display: name }, classes: nodeClasses(rootId, n) };
  });
  const edges = lineage.edges.map((e, i) => ({
    group: "edges",
    data: { ...e, id: `edge-${i}`, source: e.src, target: e.dst, name: e.kind, display: e.kind },
    classes: edgeClasses(e),
  }));
  cy?.destroy();
  cy = window.cytoscape({
    container: els.cy,
    elements: [...nodes, ...edges],
    style: STYLE,
    layout: LAYOUT,
    wheelSensitivity: 0.3,
    maxZoom: 2, // a graph of one or two nodes is not blown up to fill the canvas
  });
  window.cy = cy;
  edgeLabels(cy);
  cy.on("tap", "node, edge", (event) => select(event.target));
  cy.on("tap", (event) => {
    if (event.target === cy) clearPanel();
  });
  listNodes(lineage.nodes);
  proofs.show(cy, lineage);
  const root = cy.$id(rootId);
  if (root.length) {
    root.select();
    select(root);
  } else {
    clearPanel();
  }
}

/** The classes of the lineage node `n` in the graph rooted at `rootId`. */
const nodeClasses = (rootId, n) =>
  [
    n.provType,
    `kind-${n.kind}`,
    n.id === rootId ? "root" : "",
    n.retracted ? "retracted" : "",
    n.tainted ? "tainted" : "",
  ].filter(Boolean);

/** Selects the element `el` of the graph, centres it and shows it in the side panel. */
function focus(el) {
  cy.elements().unselect();
  el.select();
  cy.animate({ center: { eles: el } }, { duration: 200 });
  select(el);
}

/** A keyboard-reachable list of the graph's nodes (the canvas itself is not). */
function listNodes(nodes) {
  els.nodes.replaceChildren(
    ...nodes.map((n) => {
      const button = h("button", n.label ?? `${n.kind} ${short(n.id)}`, { type: "button" });
      button.title = n.id;
      button.addEventListener("click", () => focus(cy.$id(n.id)));
      const li = h("li");
      li.append(button);
      return li;
    }),
  );
}

// ---- side panel

/** Bumped by each selection (and clearing); an answer for an older one is dropped. */
let selection = 0;

function clearWalrus() {
  els.walrus.hidden = true;
  els.walrus.replaceChildren();
  delete els.walrus.dataset.blobId;
}

function clearTrust() {
  els.trust.hidden = true;
  els.trust.replaceChildren();
  delete els.trust.dataset.id;
}

function clearPanel() {
  selection++;
  els.title.textContent = "Nothing selected";
  els.hint.hidden = false;
  els.fields.replaceChildren();
  els.event.replaceChildren();
  clearWalrus();
  clearTrust();
  proofs.panel(null);
  audit.offer(null);
  els.explore.hidden = true;
}

async function select(el) {
  const mine = ++selection;
  const d = el.data();
  els.hint.hidden = true;
  els.fields.replaceChildren();
  els.event.replaceChildren();
  clearWalrus();
  clearTrust();
  proofs.panel(el);
  audit.offer(el.isNode() ? el.data() : null);
  if (el.isNode()) {
    els.title.textContent = d.label ?? `${d.subkind ?? d.kind} ${short(d.id)}`;
    row(els.fields, "id", h("code", d.id));
    row(els.fields, "kind", d.subkind ? `${d.kind} (${d.subkind})` : d.kind);
    row(els.fields, "PROV type", d.provType);
    if (d.label) row(els.fields, "label", d.label);
    row(els.fields, "depth", d.depth);
    row(els.fields, "retracted", d.retracted ? "yes" : "no");
    row(els.fields, "tainted", d.tainted ? "yes (derived from a retraction)" : "no");
    els.explore.hidden = d.id === current;
    els.explore.onclick = () => show(d.id);
    if (d.kind === "blob") showWalrus(d.id, mine);
    if (hasTrustFacts(d.kind)) showTrust(el, mine);
  } else {
    els.title.textContent = d.kind;
    row(els.fields, "edge", d.kind);
    row(els.fields, "from", h("code", d.src));
    row(els.fields, "to", h("code", d.dst));
    const trust = edgeTrust(d);
    if (trust) row(els.fields, "backed by", trust);
    els.explore.hidden = true;
  }
  const eventId = d.event;
  if (!eventId) return;
  const link = await txLink(eventId.txDigest);
  if (mine !== selection) return;
  row(els.event, "checkpoint", eventId.checkpoint);
  row(els.event, "transaction", link);
  row(els.event, "event index", eventId.eventIndex);
}

/** The Walrus facts of the blob `blobId` (`GET /v1/blobs/{blobId}`), unless `mine` is stale. */
async function showWalrus(blobId, mine) {
  els.walrus.hidden = false;
  els.walrus.replaceChildren(h("p", "Loading Walrus facts…", { className: "hint" }));
  let nodes;
  try {
    nodes = await blobFacts(await getJson(`/v1/blobs/${encodeURIComponent(blobId)}`), show);
  } catch (error) {
    nodes = [h("p", `Could not load Walrus facts: ${error.message}`)];
  }
  if (mine !== selection) return;
  els.walrus.replaceChildren(...nodes);
  els.walrus.dataset.blobId = blobId;
}

/**
 * The trust facts of the node `el` (signed or claimed, enclave or key, a dataset's terms),
 * unless `mine` is stale; its `wasGeneratedBy` edge in the graph says who signed its lineage.
 */
async function showTrust(el, mine) {
  els.trust.hidden = false;
  els.trust.replaceChildren(h("p", "Loading who vouches for it…", { className: "hint" }));
  const generatedBy = el.outgoers('edge[kind = "wasGeneratedBy"]').first();
  let nodes;
  try {
    nodes = [
      h("h3", "Signed or claimed"),
      await trustFacts(el.data(), generatedBy.length ? generatedBy.data() : undefined),
    ];
  } catch (error) {
    nodes = [h("p", `Could not load who vouches for it: ${error.message}`)];
  }
  if (mine !== selection) return;
  els.trust.replaceChildren(...nodes);
  els.trust.dataset.id = el.id();
}

// ---- Walrus blobs

const blobs = blobList(
  {
    section: $("walrus"),
    filter: $("blob-filter"),
    reload: $("blobs-reload"),
    status: $("blobs-status"),
    rows: $("blob-rows"),
    more: $("blobs-more"),
  },
  (blobId) => show(blobId),
);

// ---- audits

const audit = auditView(els.audit, (ids) => {
  cy.nodes().removeClass("audit-failing");
  for (const id of ids) cy.$id(id).addClass("audit-failing");
});

// ---- proofs

const proofs = proofView(
  { summary: $("proof-summary"), list: $("proof-items"), panel: $("proof") },
  focus,
);
committeeAnchor(
  { input: $("committee-file"), status: $("anchor-status"), forget: $("committee-forget") },
  describeCommittee,
  (anchor) => proofs.setAnchor(anchor),
);

// ---- start

window.addEventListener("popstate", () => {
  const id = new URL(location.href).searchParams.get("id");
  if (id) show(id, { push: false });
});
const initial = new URL(location.href).searchParams.get("id");
if (initial) show(initial, { push: false });

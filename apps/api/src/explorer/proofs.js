// Proofs in the explorer: the proof bundle of every node's and edge's event (served inline with
// the lineage, `proofs=inline`) checked in a worker (`verify-worker.js`) against the committee
// the user pinned (`anchor.js`); a badge per element, on the graph and in the proof list, a
// summary line, and the six steps of the selected element in the side panel.
import { h } from "./dom.js";

// ---- the worker

const worker = new Worker("/assets/verify-worker.js", { type: "module" });
let asked = 0;
/** Requests not answered yet, by id: `{ onVerdict, resolve, reject }`. */
const pending = new Map();

worker.addEventListener("message", ({ data }) => {
  const request = pending.get(data.id);
  if (!request) return;
  if (data.path !== undefined) {
    request.onVerdict(data.path, data.verdict);
    return;
  }
  pending.delete(data.id);
  if (data.error !== undefined) request.reject(new Error(data.error));
  else request.resolve(data);
});
worker.addEventListener("error", (event) => {
  const error = new Error(event.message || "the proof verifier (/assets/verify.js) did not load");
  for (const request of pending.values()) request.reject(error);
  pending.clear();
});

/** Sends `message` to the worker; resolves with its last answer, passing verdicts on. */
function ask(message, onVerdict = () => {}) {
  const id = ++asked;
  return new Promise((resolve, reject) => {
    pending.set(id, { onVerdict, resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

/**
 * Reads the committee file `base64` in the worker: `{ epoch, validators }` (epoch a decimal
 * string). Rejects with why it is not a committee file, or when the worker failed to load.
 */
export const describeCommittee = (base64) => ask({ committee: base64 });

// ---- badges

/** The badge mark of each state of an element's proof. */
const MARKS = { ok: "✓", failed: "✗", unverified: "–", pending: "…" };
const STATES = Object.keys(MARKS);

/** What a verdict of the worker says, as a badge: state, text, steps. */
function fromVerdict(verdict) {
  return verdict.ok
    ? {
        state: "ok",
        text: `certified by ${verdict.share}% of epoch ${verdict.epoch}'s voting power`,
        steps: verdict.steps,
      }
    : { state: "failed", text: `${verdict.failed}: ${verdict.reason}`, steps: verdict.steps };
}

/** The badge of `state` (a key of `MARKS`): its mark, coloured. */
const badgeOf = (state) => h("span", MARKS[state], { className: `badge proof-${state}` });

/** A "not verified" badge saying why. */
const unverified = (why) => ({ state: "unverified", text: `not verified: ${why}` });

/**
 * The proof view over `els`: `summary` (the summary line), `list` (a `<ul>` of every node and
 * edge with its badge) and `panel` (the side panel's proof section). `open(el)` selects the
 * Cytoscape element `el` (a click in the list). Returns:
 * - `show(cy, lineage)`: checks the proofs of the graph just drawn in `cy`, whose elements
 *   carry `event.proof` (the path of their event's bundle) and `name` (their label), against
 *   `lineage.proofs` (the bundles, by path);
 * - `setAnchor(anchor)`: the pinned committee (`{ base64, epoch, validators }` or null) changed:
 *   checks again;
 * - `panel(el)`: shows the proof of the element `el` in the side panel (null: none).
 */
export function proofView(els, open) {
  let cy = null;
  let bundles = {};
  let anchor; // undefined until the stored anchor is read
  let generation = 0;
  let selected = null;
  /** Each element's badge, by Cytoscape id. */
  const badges = new Map();
  /** Each element's item in the list, by Cytoscape id. */
  const items = new Map();

  function mark(el, badge) {
    badges.set(el.id(), badge);
    for (const state of STATES) el.toggleClass(`proof-${state}`, state === badge.state);
    const shown = badge.state === "ok" || badge.state === "failed";
    el.data({
      proofState: badge.state,
      proofText: badge.text,
      display: shown ? `${MARKS[badge.state]} ${el.data("name")}` : el.data("name"),
    });
    const item = items.get(el.id());
    if (item) {
      item.dataset.state = badge.state;
      item.querySelector(".badge").replaceWith(badgeOf(badge.state));
      item.querySelector(".proof-text").textContent = badge.text;
    }
    if (selected === el.id()) panel(el);
  }

  function summarize(done) {
    const counts = { ok: 0, failed: 0, unverified: 0, pending: 0 };
    for (const badge of badges.values()) counts[badge.state]++;
    const total = badges.size;
    const against = anchor ? ` against epoch ${anchor.epoch}'s committee` : "";
    let text;
    if (total === 0) text = "";
    else if (!done)
      text = `Verifying ${total} proofs${against}: ${total - counts.pending} checked…`;
    else if (!anchor) text = `${total} proofs not verified: no committee pinned`;
    else {
      text = `${counts.ok} of ${total} proofs verified${against}`;
      if (counts.failed) text += `; ${counts.failed} failed`;
      if (counts.unverified) text += `; ${counts.unverified} not verified`;
    }
    els.summary.textContent = text;
    els.summary.dataset.state = done ? "done" : "verifying";
  }

  function listItem(el) {
    const item = h("li");
    item.dataset.id = el.id();
    item.dataset.element = el.isNode() ? "node" : "edge";
    const name = el.isNode()
      ? el.data("name")
      : `${el.data("name")}: ${el.source().data("name")} → ${el.target().data("name")}`;
    const button = h("button", name, { type: "button", title: el.isNode() ? el.id() : "" });
    button.addEventListener("click", () => open(el));
    item.append(badgeOf("pending"), " ", button, " ");
    item.append(h("span", "", { className: "proof-text" }));
    return item;
  }

  async function verify() {
    const mine = ++generation;
    if (!cy) return;
    if (anchor === undefined) {
      for (const el of cy.elements())
        mark(el, { state: "pending", text: "reading the pinned committee…" });
      summarize(false);
      return;
    }
    /** The elements to check, by the path of their bundle (elements may share an event). */
    const byPath = new Map();
    const toCheck = [];
    for (const el of cy.elements()) {
      const path = el.data("event")?.proof;
      const bundle = path ? bundles[path] : undefined;
      if (!bundle) {
        mark(el, unverified("no proof bundle is kept for its event"));
      } else if (!anchor) {
        mark(el, unverified(`pin the committee of epoch ${bundle.epoch}`));
      } else if (bundle.epoch !== undefined && bundle.epoch !== anchor.epoch) {
        mark(
          el,
          unverified(
            `pin the committee of epoch ${bundle.epoch} (the pinned one is of epoch ${anchor.epoch})`,
          ),
        );
      } else {
        mark(el, { state: "pending", text: "verifying…" });
        if (!byPath.has(path)) {
          byPath.set(path, []);
          toCheck.push([path, bundle]);
        }
        byPath.get(path).push(el);
      }
    }
    summarize(toCheck.length === 0);
    if (toCheck.length === 0) return;
    try {
      await ask({ committee: anchor.base64, bundles: toCheck }, (path, verdict) => {
        if (mine !== generation) return;
        for (const el of byPath.get(path) ?? []) mark(el, fromVerdict(verdict));
        summarize(false);
      });
    } catch (error) {
      if (mine !== generation) return;
      for (const el of [...byPath.values()].flat()) {
        mark(el, unverified(`the verifier failed: ${error.message}`));
      }
    }
    if (mine === generation) summarize(true);
  }

  function panel(el) {
    selected = el ? el.id() : null;
    const badge = el ? badges.get(el.id()) : undefined;
    els.panel.hidden = !badge;
    if (!badge) {
      els.panel.replaceChildren();
      return;
    }
    const line = h("p");
    line.append(badgeOf(badge.state), " ", badge.text);
    const nodes = [h("h3", "Proof"), line];
    if (badge.steps) {
      const list = h("ol", undefined, { className: "proof-steps" });
      for (const { step, ok, detail } of badge.steps) {
        const state = ok === null ? "unverified" : ok ? "ok" : "failed";
        const item = h("li");
        item.dataset.step = step;
        item.dataset.state = state;
        item.append(badgeOf(state), " ", h("strong", step), `: ${detail}`);
        list.append(item);
      }
      nodes.push(list);
    }
    els.panel.replaceChildren(...nodes);
  }

  return {
    show(graph, lineage) {
      cy = graph;
      bundles = lineage.proofs ?? {};
      badges.clear();
      items.clear();
      selected = null;
      const list = [];
      for (const el of cy.elements()) {
        const item = listItem(el);
        items.set(el.id(), item);
        list.push(item);
      }
      els.list.replaceChildren(...list);
      verify();
    },
    setAnchor(pinned) {
      anchor = pinned;
      verify();
    },
    panel,
  };
}

// Walrus in the explorer: the list of indexed Blob objects with their status (`GET /v1/blobs`),
// and the Walrus facts of one blob id (`GET /v1/blobs/{blobId}`) for the side panel.
import { copyButton, getJson, h, row, short, txLink } from "./dom.js";

/** Blob objects fetched per page of the list. */
const PAGE_SIZE = 20;

/** A Blob object's status as a coloured badge: registered, certified or deleted. */
const statusBadge = (status) => h("span", status, { className: `badge status-${status}` });

/** A u64 byte count (decimal string) with thousands separators, or null. */
const byteCount = (size) => (size === null ? null : BigInt(size).toLocaleString("en-US"));

/** An epoch, or a dash (with `why` as its tooltip) when unknown. */
const epochCell = (epoch, why) =>
  epoch === null ? h("span", "—", { title: why }) : h("span", epoch);

/** An event id: checkpoint and event index, then the transaction (linked when possible). */
async function eventIdView(eventId) {
  const span = h("span", undefined, { className: "event-id" });
  span.append(
    `checkpoint ${eventId.checkpoint}, event ${eventId.eventIndex}, tx `,
    await txLink(eventId.txDigest),
  );
  return span;
}

/** The card of one Blob object: its id, status, epochs, size, and the id of each of its events. */
async function objectCard(o) {
  const card = h("article", undefined, { className: "blob-object" });
  card.dataset.objectId = o.objectId;
  card.dataset.status = o.status;
  const title = h("h4", "Blob object ");
  title.append(h("code", short(o.objectId), { title: o.objectId }), " ", statusBadge(o.status));
  const dl = h("dl");
  const id = h("span");
  id.append(h("code", o.objectId), " ", copyButton(o.objectId, "object id"));
  row(dl, "object id", id);
  row(dl, "status", o.status);
  row(dl, "registered epoch", o.registeredEpoch ?? "unknown (registration not indexed)");
  row(dl, "certified epoch", o.certifiedEpoch ?? "not certified");
  if (o.deletedEpoch !== null) row(dl, "deleted epoch", o.deletedEpoch);
  row(dl, "end epoch", o.endEpoch === null ? "unknown" : `${o.endEpoch} (stored until, exclusive)`);
  const size = byteCount(o.size);
  row(dl, "size", size === null ? "unknown (registration not indexed)" : `${size} bytes`);
  row(dl, "deletable", o.deletable === null ? "unknown" : o.deletable ? "yes" : "no");
  row(dl, "network", o.network);
  for (const event of ["registered", "certified", "deleted"]) {
    if (o[event]) row(dl, `${event} in`, await eventIdView(o[event]));
  }
  card.append(title, dl);
  return card;
}

/**
 * The side panel's Walrus section for `blob`, a `GET /v1/blobs/{blobId}` answer: one card per
 * Blob object, then the datasets and models stored as the blob, each a button that calls
 * `open(id)`. Returns the nodes; the caller puts them in place.
 */
export async function blobFacts(blob, open) {
  const nodes = [h("h3", "Walrus")];
  const count = blob.objects.length;
  nodes.push(
    h(
      "p",
      count === 0
        ? "Walrus reported no Blob object for this blob id in the indexed checkpoints."
        : `${count} Blob object${count === 1 ? "" : "s"} store this blob id.`,
      { className: "hint" },
    ),
  );
  for (const o of blob.objects) nodes.push(await objectCard(o));
  nodes.push(h("h4", "Stored as"));
  const stored = [
    ...blob.datasets.map((d) => ({ kind: "dataset", ...d })),
    ...blob.models.map((m) => ({ kind: "model", ...m })),
  ];
  if (stored.length === 0) {
    nodes.push(
      h("p", "No dataset or model is registered with this blob id.", { className: "hint" }),
    );
  } else {
    const list = h("ul", undefined, { className: "stored-as" });
    for (const entity of stored) {
      const button = h("button", undefined, {
        type: "button",
        className: "entity",
        title: entity.id,
      });
      button.append(h("span", entity.kind, { className: `kind kind-${entity.kind}` }), " ");
      button.append(entity.name, " ", h("code", short(entity.id)));
      button.addEventListener("click", () => open(entity.id));
      const li = h("li");
      li.dataset.kind = entity.kind;
      li.dataset.id = entity.id;
      li.append(button);
      list.append(li);
    }
    nodes.push(list);
  }
  return nodes;
}

/** One row of the list: a Blob object, whose blob `open(blobId)` explores when clicked. */
function blobRow(item, open) {
  const tr = h("tr");
  tr.dataset.blobId = item.blobId;
  tr.dataset.objectId = item.objectId;
  tr.dataset.status = item.status;
  const name = h("button", short(item.blobId), {
    type: "button",
    className: "link",
    title: `Explore blob ${item.blobId}`,
  });
  const blob = h("td");
  blob.append(name, " ", copyButton(item.blobId, "blob id"));
  const status = h("td");
  status.append(statusBadge(item.status));
  const cell = (content, className) => {
    const td = h("td", undefined, { className });
    td.append(content);
    return td;
  };
  tr.append(
    blob,
    status,
    cell(epochCell(item.registeredEpoch, "registration not indexed"), "num"),
    cell(epochCell(item.certifiedEpoch, "not certified"), "num"),
    cell(epochCell(item.endEpoch, "unknown"), "num"),
    cell(byteCount(item.size) ?? "—", "num"),
    cell(h("code", short(item.objectId), { title: item.objectId })),
  );
  // The name button (keyboard) and the rest of the row open the blob; Copy stops propagation.
  tr.addEventListener("click", () => open(item.blobId));
  return tr;
}

/**
 * The "Walrus blobs" list: pages of `GET /v1/blobs` (newest first) into `els.rows`, filtered
 * by the `els.filter` select, with `els.more` for the next page and `els.reload`; a row's
 * click calls `open(blobId)`. Returns `mark(blobId)`, which highlights that blob's rows.
 */
export function blobList(els, open) {
  let cursor = null;
  let generation = 0;
  let marked = null;

  async function load(more = false) {
    const mine = more ? generation : ++generation;
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (els.filter.value) params.set("status", els.filter.value);
    if (more && cursor) params.set("cursor", cursor);
    els.status.textContent = "Loading Walrus blobs…";
    try {
      const page = await getJson(`/v1/blobs?${params}`);
      if (mine !== generation) return; // a newer load won
      if (!more) els.rows.replaceChildren();
      els.rows.append(...page.items.map((item) => blobRow(item, open)));
      cursor = page.nextCursor;
      els.more.hidden = cursor === null;
      mark(marked);
      const n = els.rows.children.length;
      const which = els.filter.value ? `${els.filter.value} ` : "";
      els.status.textContent =
        n === 0
          ? `No ${which}Walrus Blob objects indexed yet.`
          : `${n}${cursor ? "+" : ""} ${which}Blob object${n === 1 ? "" : "s"}, newest first.`;
      els.section.dataset.state = "ready";
    } catch (error) {
      if (mine === generation)
        els.status.textContent = `Could not load Walrus blobs: ${error.message}`;
    }
  }

  function mark(blobId) {
    marked = blobId;
    for (const tr of els.rows.children) {
      const on = tr.dataset.blobId === blobId;
      tr.classList.toggle("current", on);
      if (on) tr.setAttribute("aria-current", "true");
      else tr.removeAttribute("aria-current");
    }
  }

  els.filter.addEventListener("change", () => load());
  els.reload.addEventListener("click", () => load());
  els.more.addEventListener("click", () => load(true));
  load();
  return { mark };
}

// How the explorer draws a lineage: Cytoscape.js style, a layered DAG layout (cytoscape-dagre,
// loaded before this module and registered on `window.cytoscape`), and edge labels that appear
// only where they are read: on hover, around the selection, or when zoomed in.

const COLORS = { entity: "#f2d45c", activity: "#8ea7f5", agent: "#7fcf9f" };

/** From this zoom level (1 = 100 %) up, every edge shows its kind. */
const EDGE_LABEL_ZOOM = 1.25;

/** Node labels are one line, cut with an ellipsis at this width (CSS pixels at zoom 1). */
const LABEL_WIDTH = 96;

/**
 * The Cytoscape stylesheet; classes are set by the explorer (`root`, `retracted`, ...; on
 * edges `edgeClasses`; `proof-ok`, `proof-failed`, ... by `proofs.js`, which also puts the
 * badge's mark in `display`, the label).
 */
export const STYLE = [
  {
    selector: "node",
    style: {
      label: "data(display)",
      "font-size": 9,
      color: "#333333",
      "text-valign": "bottom",
      "text-margin-y": 3,
      "text-wrap": "ellipsis",
      "text-max-width": LABEL_WIDTH,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": 1,
      "min-zoomed-font-size": 6,
      "background-color": "#cccccc",
      "border-width": 1,
      "border-color": "#555555",
      width: 22,
      height: 22,
    },
  },
  { selector: "node.entity", style: { "background-color": COLORS.entity, shape: "ellipse" } },
  {
    selector: "node.activity",
    style: { "background-color": COLORS.activity, shape: "round-rectangle" },
  },
  { selector: "node.agent", style: { "background-color": COLORS.agent, shape: "pentagon" } },
  {
    selector: "node.root",
    style: {
      width: 32,
      height: 32,
      "font-weight": "bold",
      "font-size": 10,
      "text-max-width": 2 * LABEL_WIDTH,
    },
  },
  { selector: "node.tainted", style: { "border-width": 3, "border-color": "#ff8c00" } },
  { selector: "node.retracted", style: { "background-color": "#d32f2f", color: "#b71c1c" } },
  {
    selector: "node.audit-failing",
    style: { "overlay-color": "#c62828", "overlay-opacity": 0.25, "overlay-padding": 6 },
  },
  {
    selector: "edge",
    style: {
      width: 1.2,
      "curve-style": "bezier",
      "line-color": "#b0b0b0",
      "target-arrow-color": "#b0b0b0",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      label: "",
      "font-size": 8,
      color: "#333333",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.9,
      "text-background-padding": 1,
    },
  },
  { selector: "edge.claimed", style: { "line-style": "dashed", "line-dash-pattern": [5, 3] } },
  { selector: "edge.signed", style: { "line-color": "#7f9bd8", "target-arrow-color": "#7f9bd8" } },
  { selector: "edge.enclave", style: { "line-color": "#5b9f75", "target-arrow-color": "#5b9f75" } },
  {
    selector: "edge.zoomed, edge.near, edge:selected, edge.proof-failed",
    style: { label: "data(display)" },
  },
  {
    selector: "edge.near, edge:selected",
    style: { "line-color": "#555555", "target-arrow-color": "#555555", width: 1.8, "z-index": 2 },
  },
  { selector: "node.near", style: { "z-index": 2 } },
  // a proof that failed: the label (with its ✗) in red on red, an edge drawn red
  {
    selector: ".proof-failed",
    style: { color: "#b71c1c", "text-background-color": "#ffebee", "text-background-opacity": 1 },
  },
  {
    selector: "edge.proof-failed",
    style: { "line-color": "#d32f2f", "target-arrow-color": "#d32f2f", width: 2 },
  },
  {
    selector: ":selected",
    style: { "overlay-color": "#1565c0", "overlay-opacity": 0.25, "overlay-padding": 5 },
  },
];

/**
 * The classes of a lineage edge an attestation backs: `claimed` when nobody signed it (`signed`
 * false: drawn dashed), `signed` when an attester did, and `enclave` too when that attester is
 * an enclave. Other edges (attribution, storage, revision, policy) have none: drawn grey.
 */
export function edgeClasses(e) {
  if (e.signed === false) return ["claimed"];
  if (e.signed !== true) return [];
  return e.enclave === true ? ["signed", "enclave"] : ["signed"];
}

/**
 * The layered layout: PROV edges point from the newer element to what it came from (`used`,
 * `wasGeneratedBy`, `wasDerivedFrom`...), so ranks run bottom to top along them: the origins
 * end up at the top, the latest results at the bottom, and each rank is one row (the canvas is
 * wider than tall). Labels count in each node's size, so they do not overlap their neighbours.
 */
export const LAYOUT = {
  name: "dagre",
  rankDir: "BT",
  ranker: "network-simplex",
  nodeSep: 10,
  rankSep: 44,
  edgeSep: 8,
  nodeDimensionsIncludeLabels: true,
  padding: 24,
};

/**
 * Shows edge kinds where they are read, on the Cytoscape instance `cy`: on the edges of a
 * hovered node or a hovered edge, of the selected nodes, and on every edge from
 * `EDGE_LABEL_ZOOM` up.
 */
export function edgeLabels(cy) {
  const around = (el) => (el.isNode() ? el.connectedEdges().union(el) : el.connectedNodes());
  const mark = (el) => around(el).union(el).addClass("near");
  const unmark = (el) => {
    around(el).union(el).removeClass("near");
    for (const selected of cy.$("node:selected")) mark(selected);
  };
  cy.on("mouseover", "node, edge", (event) => mark(event.target));
  cy.on("mouseout", "node, edge", (event) => unmark(event.target));
  cy.on("select", "node", (event) => mark(event.target));
  cy.on("unselect", "node", (event) => unmark(event.target));
  const zoomed = () => cy.edges().toggleClass("zoomed", cy.zoom() >= EDGE_LABEL_ZOOM);
  cy.on("zoom", zoomed);
  zoomed();
}

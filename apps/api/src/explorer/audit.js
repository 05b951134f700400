// The audit panel: for a model, dataset or inference, `POST /v1/audits` with the default policy
// (licenses parse as SPDX, no retraction or taint upstream, every link signed by an attester in
// force), the verdict and each rule with its findings, the failing nodes highlighted on the
// graph (`audit-failing`), and the report to download (HTML and JSON). Every piece of data goes
// into the DOM as text.
import { h } from "./dom.js";

/** The node kinds an audit is offered for. */
const AUDITED = new Set(["model", "dataset", "inference"]);

/** Findings shown per rule (the downloaded report has all the API lists). */
const SHOWN = 10;

/** POSTs `body` as JSON to `path`: the response, or an Error with the problem's detail. */
async function post(path, body, accept) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new Error(problem?.detail ?? `${response.status} ${response.statusText}`);
  }
  return response;
}

/** A download link for `text` of type `type`, named `file`. */
function download(label, text, type, file) {
  return h("a", label, {
    href: URL.createObjectURL(new Blob([text], { type })),
    download: file,
    className: "download",
  });
}

/**
 * The audit panel in `section`: `offer(node)` shows the button for a node it applies to;
 * `highlight(ids)` marks the failing nodes on the graph.
 */
export function auditView(section, highlight) {
  let asked = 0;
  const run = async (id) => {
    const mine = ++asked;
    section.replaceChildren(
      h("h3", "Audit of its upstream"),
      h("p", "Auditing…", { className: "hint" }),
    );
    let report;
    let html;
    try {
      report = await (await post("/v1/audits", { subject: id }, "application/json")).json();
      html = await (await post("/v1/audits?format=html", { subject: id }, "text/html")).text();
    } catch (error) {
      if (mine === asked)
        section.replaceChildren(
          h("h3", "Audit of its upstream"),
          h("p", `Could not audit: ${error.message}`),
        );
      return;
    }
    if (mine !== asked) return;
    const failing = new Set();
    const rules = h("ul", undefined, { className: "audit-rules" });
    for (const rule of report.rules) {
      const item = h(
        "li",
        `${rule.rule}: ${rule.passed ? "pass" : "FAIL"} (${rule.checked} checked)`,
        {
          className: rule.passed ? "pass" : "fail",
        },
      );
      if (!rule.passed) {
        const findings = h("ul");
        for (const finding of rule.findings.slice(0, SHOWN))
          findings.append(h("li", finding.reason));
        const more = rule.findings.length - SHOWN + rule.omitted;
        if (more > 0) findings.append(h("li", `and ${more} more (in the report)`));
        item.append(findings);
      }
      for (const finding of rule.findings) {
        if (finding.node) failing.add(finding.node);
        if (finding.edge) failing.add(finding.edge.src).add(finding.edge.dst);
      }
      rules.append(item);
    }
    const verdict = h("p", report.verdict === "pass" ? "PASS" : "FAIL", {
      className: `verdict ${report.verdict}`,
      id: "audit-verdict",
    });
    const file = `audit-${id.slice(0, 10)}`;
    section.replaceChildren(
      h("h3", "Audit of its upstream"),
      verdict,
      h(
        "p",
        `${report.upstream.nodes} nodes, ${report.upstream.edges} edges upstream; default policy`,
        { className: "hint" },
      ),
      rules,
      download("Download the report (HTML)", html, "text/html", `${file}.html`),
      download("(JSON)", JSON.stringify(report, null, 2), "application/json", `${file}.json`),
    );
    highlight([...failing]);
  };
  return {
    /** Shows the audit button for the node `data`, or hides the panel. */
    offer(data) {
      asked++;
      section.hidden = !AUDITED.has(data?.kind);
      if (section.hidden) return section.replaceChildren();
      const button = h("button", "Audit its upstream", { type: "button", id: "audit-run" });
      button.addEventListener("click", () => run(data.id));
      section.replaceChildren(h("h3", "Audit of its upstream"), button);
    },
  };
}

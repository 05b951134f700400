import type { AuditFinding, AuditReport } from "@verity/db";
import { proofPath } from "../proof-links.ts";

/** `text` with HTML's special characters escaped, for element content and quoted attributes. */
const escapeHtml = (text: string | number) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}code{font-size:.85em;word-break:break-all}
.verdict{display:inline-block;padding:.2rem .8rem;border-radius:4px;font-weight:700;color:#fff}
.pass{background:#2e7d32}.fail{background:#c62828}.fail-text{color:#c62828;font-weight:700}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
li{margin:.3rem 0}.event{color:#555;font-size:.9em}`;

/** One finding as a list item: why, and the event that shows it with its proof path. */
function findingItem({ reason, event }: AuditFinding): string {
  const where = event
    ? ` <span class="event">(checkpoint ${event.checkpoint}, transaction <code>${escapeHtml(event.txDigest)}</code>, event ${event.eventIndex}; proof <code>${escapeHtml(proofPath(event))}</code>)</span>`
    : "";
  return `<li>${escapeHtml(reason)}${where}</li>`;
}

/**
 * `report` as a standalone HTML document (no script, no external resource; every value
 * escaped): the verdict, a table of the rules, each failed rule's findings with their events and
 * proof paths, and the policy applied. What `POST /v1/audits?format=html` and
 * `verity audit --format html` give.
 */
export function auditHtml(report: AuditReport): string {
  const { subject, asOf, verdict, upstream, rules, policy } = report;
  const name = `${subject.kind ?? "node"} <code>${escapeHtml(subject.id)}</code>${subject.label ? ` (${escapeHtml(subject.label)})` : ""}`;
  const failed = rules.filter((r) => !r.passed);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Audit of ${escapeHtml(subject.label ?? subject.id)}: ${verdict}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Audit of ${name}</h1>
<p><span class="verdict ${verdict}">${verdict.toUpperCase()}</span> ${asOf === null ? "on everything indexed" : `as of checkpoint ${asOf}`}; upstream: ${upstream.nodes} nodes, ${upstream.edges} edges${upstream.truncated ? " (cut at the policy's maxNodes)" : ""}.</p>
<table>
<thead><tr><th>rule</th><th>result</th><th>checked</th><th>findings</th></tr></thead>
<tbody>
${rules.map((r) => `<tr><td>${r.rule}</td><td${r.passed ? "" : ' class="fail-text"'}>${r.passed ? "pass" : "FAIL"}</td><td>${r.checked}</td><td>${r.findings.length + r.omitted}</td></tr>`).join("\n")}
</tbody>
</table>
${failed
  .map(
    (r) =>
      `<h2>${r.rule}: failed</h2>\n<ul>\n${r.findings.map(findingItem).join("\n")}${r.omitted > 0 ? `\n<li>and ${r.omitted} more, not listed</li>` : ""}\n</ul>`,
  )
  .join("\n")}
<h2>Policy</h2>
<pre>${escapeHtml(JSON.stringify(policy, null, 2))}</pre>
</body>
</html>
`;
}

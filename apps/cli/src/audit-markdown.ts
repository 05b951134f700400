import { proofPath } from "@verity/api";
import type { AuditFinding, AuditReport } from "@verity/db";

/**
 * `report` as a Markdown document: the verdict, a table of the rules, each failed rule's findings
 * (node or edge, why, the event with the path of its proof bundle on `verity serve`'s API), and
 * the policy applied.
 */
export function auditMarkdown(report: AuditReport): string {
  const { subject, asOf, verdict, upstream, rules, policy } = report;
  const name = `${subject.kind ?? "node"} \`${subject.id}\`${subject.label ? ` (${subject.label})` : ""}`;
  const lines = [
    `# Audit of ${name}`,
    "",
    `**Verdict: ${verdict.toUpperCase()}**, ${asOf === null ? "on everything indexed" : `as of checkpoint ${asOf}`}.`,
    "",
    `Upstream: ${upstream.nodes} nodes, ${upstream.edges} edges${upstream.truncated ? " (cut at the policy's maxNodes)" : ""}.`,
    "",
    "| rule | result | checked | findings |",
    "| --- | --- | --- | --- |",
    ...rules.map(
      (r) => `| ${r.rule} | ${r.passed ? "pass" : "FAIL"} | ${r.checked} | ${r.findings.length} |`,
    ),
  ];
  for (const r of rules.filter((rule) => !rule.passed)) {
    lines.push("", `## ${r.rule}: failed`, "", ...r.findings.map(findingLine));
    if (r.omitted > 0) lines.push(`- and ${r.omitted} more, not listed`);
  }
  lines.push("", "## Policy", "", "```json", JSON.stringify(policy, null, 2), "```", "");
  return lines.join("\n");
}

/** One finding as a list item: why, and where the chain shows it. */
function findingLine({ reason, event }: AuditFinding): string {
  const where = event
    ? ` (checkpoint ${event.checkpoint}, transaction \`${event.txDigest}\`, event ${event.eventIndex}; proof \`${proofPath(event)}\`)`
    : "";
  return `- ${reason}${where}`;
}

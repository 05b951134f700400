import { readFile } from "node:fs/promises";
import { auditHtml, linkProofs } from "@verity/api";
import { auditUpstream, DEFAULT_AUDIT_POLICY, parseAuditPolicy } from "@verity/db";
import { parse as parseYaml } from "yaml";
import { auditMarkdown } from "../../audit-markdown.ts";
import { openIndexedDatabase } from "../../existing-database.ts";
import type { AuditOptions } from "../../report-options.ts";
import { writeReport } from "../../report-output.ts";

/**
 * `verity audit`'s work: reads the policy, audits `id` in the database, writes the report
 * (Markdown, or JSON as `POST /v1/audits` answers it) to `--out` or standard output. Exit code 0
 * when the verdict is pass, 1 when it is fail, 2 on any error (printed as one line).
 */
export async function audit(id: string, options: AuditOptions): Promise<void> {
  try {
    const policy = options.policy ? await readPolicy(options.policy) : DEFAULT_AUDIT_POLICY;
    const database = await openIndexedDatabase(options);
    try {
      const report = await auditUpstream(database.db, id, policy, { asOf: options.asOf });
      if (!report) {
        const when = options.asOf === undefined ? "" : ` at checkpoint ${options.asOf}`;
        throw new Error(`nothing had id ${id}${when} in ${database.location}`);
      }
      const text =
        options.format === "json"
          ? `${JSON.stringify(linkProofs(report), null, 2)}\n`
          : options.format === "html"
            ? auditHtml(report)
            : auditMarkdown(report);
      await writeReport(text, options.out);
      process.exitCode = report.verdict === "pass" ? 0 : 1;
    } finally {
      await database.close();
    }
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

/**
 * The policy in `file` (YAML, which JSON is a subset of).
 *
 * @throws Error naming the file when it cannot be read or parsed, or the policy is invalid
 */
async function readPolicy(file: string) {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the policy ${file}: ${error.message}`);
  });
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new Error(`the policy ${file} is neither JSON nor YAML: ${(error as Error).message}`);
  }
  try {
    return parseAuditPolicy(value);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

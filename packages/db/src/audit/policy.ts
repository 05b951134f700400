/**
 * An audit policy: the rules `auditUpstream` checks over a subject's whole upstream. Written as
 * JSON (or YAML, which the CLI reads into the same value), validated here with zod; the package
 * README shows an example.
 */
import parseSpdx from "spdx-expression-parse";
import { z } from "zod";
import { MAX_LINEAGE_DEPTH } from "../queries/lineage.ts";

/** Most upstream nodes one audit walks. */
export const MAX_AUDIT_NODES = 100_000;

/** Most hops upstream a policy may allow (one hop less than a walk's most: the audit looks one further). */
export const MAX_AUDIT_DEPTH = MAX_LINEAGE_DEPTH - 1;

/** Whether `expression` parses as an SPDX license expression (ids from the SPDX list). */
export function isSpdxExpression(expression: string): boolean {
  try {
    parseSpdx(expression);
    return true;
  } catch {
    return false;
  }
}

/** Whether `id` is one SPDX license id (with `+` or `WITH` an exception), not an expression. */
function isSpdxLicense(id: string): boolean {
  try {
    return "license" in parseSpdx(id);
  } catch {
    return false;
  }
}

const spdxLicense = z
  .string()
  .refine(isSpdxLicense, { error: (issue) => `${issue.input} is not an SPDX license id` });

/** An enclave measurement: 48 bytes as hex (0x optional), lowercased without 0x. */
const pcr = z
  .string()
  .regex(/^(0x)?[0-9a-fA-F]{96}$/, "expected a PCR: 48 bytes as 96 hex digits")
  .transform((hex) => hex.replace(/^0x/, "").toLowerCase());

/** The policy's zod schema; unknown keys are refused (a misspelt rule must not pass silently). */
export const AuditPolicySchema = z
  .strictObject({
    licenses: z
      .strictObject({
        allowed: z.array(spdxLicense).min(1).optional().meta({
          description:
            "SPDX license ids (e.g. CC0-1.0, MIT, Apache-2.0+); every upstream dataset's license expression must be satisfied by them. Absent: any license that parses as SPDX",
        }),
      })
      .default({})
      .meta({ description: "Every upstream dataset's license parses as SPDX (and is allowed)" }),
    consent: z.boolean().default(true).meta({
      description: "No retracted dataset upstream, and no upstream node tainted by a retraction",
    }),
    attestation: z.boolean().default(true).meta({
      description:
        "Every derivation, use and generation link upstream signed by an attester (not only claimed by its submitter), an attester not revoked before it signed",
    }),
    allowedEnclaves: z
      .array(z.tuple([pcr, pcr, pcr]))
      .min(1)
      .optional()
      .meta({
        description:
          "With attestation on: every upstream attestation signed by an enclave attester whose PCR0, PCR1 and PCR2 (hex, 48 bytes each) are one of these sets; absent: any attester",
      }),
    terms: z.boolean().default(false).meta({
      description:
        "Every training, fine-tune and inference upstream allowed by the terms for AI use of the datasets it used (their terms in force, as of the audit's checkpoint)",
    }),
    availability: z
      .strictObject({
        minEndEpoch: z.int().min(0).optional().meta({
          description:
            "Every upstream Walrus blob certified and stored until at least this epoch (its end epoch, exclusive as Walrus counts, at or past it)",
        }),
        epochsAhead: z.int().min(1).optional().meta({
          description:
            "... or for at least this many epochs after the newest Walrus epoch indexed (as of the audit's checkpoint)",
        }),
      })
      .optional()
      .meta({ description: "Absent: availability is not checked" }),
    limits: z
      .strictObject({
        depth: z
          .int()
          .min(1)
          .max(MAX_AUDIT_DEPTH)
          .default(MAX_AUDIT_DEPTH)
          .meta({
            description: `Hops upstream; a longer upstream fails the audit (1 to ${MAX_AUDIT_DEPTH})`,
          }),
        maxNodes: z
          .int()
          .min(1)
          .max(MAX_AUDIT_NODES)
          .default(10_000)
          .meta({
            description: `Most upstream nodes; more fails the audit (1 to ${MAX_AUDIT_NODES})`,
          }),
      })
      .default({ depth: MAX_AUDIT_DEPTH, maxNodes: 10_000 }),
  })
  .meta({ id: "AuditPolicy" });

/** A policy with every default filled in (what `parseAuditPolicy` returns). */
export type AuditPolicy = z.output<typeof AuditPolicySchema>;

/**
 * The policy that applies when none is given: every license parses as SPDX, no retracted or
 * tainted data upstream, every link signed by an attester not revoked when it signed.
 */
export const DEFAULT_AUDIT_POLICY: AuditPolicy = AuditPolicySchema.parse({});

/**
 * `value` (parsed JSON or YAML) as a policy, defaults filled in.
 *
 * @throws TypeError listing every problem, each with its path (e.g. `licenses.allowed[1]: GPL
 *   is not an SPDX license id`)
 */
export function parseAuditPolicy(value: unknown): AuditPolicy {
  const parsed = AuditPolicySchema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new TypeError(`invalid audit policy:\n${z.prettifyError(parsed.error)}`);
}
